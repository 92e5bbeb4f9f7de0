"""What the privacy commands share: finding the person, and saying what Heard holds, in counts."""

from django.core.management.base import CommandError

from heard.ids import parse_id
from heard.people.models import Person

#: The lines `heard erase-person` prints, in order: (key of `holdings_of`, what it counts).
HOLDINGS = [
    ("conversations_alone", "conversations with them alone (erased whole)"),
    ("answers", "answers in those conversations"),
    ("conversations_shared", "group conversations (they are taken out; the others' words stay)"),
    ("quotes", "quotes"),
    ("commitments", "commitments"),
    ("assessments", "leader-signal records"),
    ("ties", "ties with other people"),
    ("consents", "consent records"),
    ("sign_ups", "event sign-ups"),
    ("theme_assignments", "conversations placed in themes"),
    ("audit_events", "audit events about them"),
]


def person_from(value: str) -> Person:
    """The operator sees every organization: the person is found by id alone."""
    pk = parse_id(value)
    person = Person.objects.filter(pk=pk).first() if pk else None
    if person is None:
        raise CommandError(f"No person has the id {value!r}.")
    return person


def holdings_lines(holdings: dict) -> list[str]:
    lines = [f"  {holdings[key]:>6}  {label}" for key, label in HOLDINGS]
    lines.append(
        "  household: erased (no one else lives there)"
        if holdings["household_goes"]
        else "  household: kept (none, or others live there)"
    )
    return lines
