"""The same exports as JSON in the shapes of OSDI, the Open Supporter Data Interface that
Action Network speaks: people (`osdi:people`), tags (`osdi:tags`, with their taggings) and events
(`osdi:events`, with their attendances), each under `_embedded` with `total_records`, and every
record carrying `identifiers` of the form "heard:<kind>-<id>" so partners can match it again.
Conversations and commitments have no OSDI resource; they come as `heard:conversations` and
`heard:commitments` in the same envelope, with the same identifiers.

What each holds is decided by `tables.py`'s reads (access helpers and consent rules); only the
shape differs here.
"""

from __future__ import annotations

from collections import defaultdict

from heard.accounts.models import Membership
from heard.campaigns.queries import events_for
from heard.people import consent
from heard.people.queries import people_for
from heard.themes.models import ThemeAssignment
from heard.themes.queries import themes_for

from . import tables

ORIGIN = "Heard"


def identifier(kind: str, pk) -> str:
    return f"heard:{kind}-{pk}"


def _envelope(kind: str, records: list[dict]) -> dict:
    return {"origin_system": ORIGIN, "total_records": len(records), "_embedded": {kind: records}}


def _split_name(name: str) -> tuple[str, str]:
    """OSDI wants given and family names; Heard keeps a name as people say it. The last word is
    taken as the family name, which is wrong for some names: `name` stays beside them."""
    given, _, family = name.strip().rpartition(" ")
    return (given, family) if given else (family, "")


def people(membership: Membership) -> dict:
    records = []
    for person in (
        tables.people_with_consent(membership).order_by("pk").iterator(chunk_size=tables.CHUNK)
    ):
        contact = consent.may_contact(person)
        given, family = _split_name(person.name)
        household = person.household
        record = {
            "identifiers": [identifier("person", person.pk)],
            "given_name": given,
            "family_name": family,
            "name": person.name,
            "languages_spoken": [person.language],
            "created_date": person.created_at.isoformat(),
            "email_addresses": (
                [{"address": person.email, "primary": True}] if contact and person.email else []
            ),
            "phone_numbers": (
                [{"number": person.phone, "primary": True}] if contact and person.phone else []
            ),
            "postal_addresses": (
                [{"address_lines": [household.address], "primary": True}]
                if contact and household and household.address
                else []
            ),
            "custom_fields": {
                "may_contact": contact,
                "neighbourhood": person.place.name if person.place else "",
                "household": household.name if household else "",
            },
        }
        records.append(record)
    return _envelope("osdi:people", records)


def tags(membership: Membership) -> dict:
    """Themes as tags, each with the people whose conversations are in it (staff only, as the
    Themes pages; a volunteer's export has no tags)."""
    if not membership.is_staff_role:
        return _envelope("osdi:tags", [])
    seen = people_for(membership)
    tagged: dict[int, set[int]] = defaultdict(set)
    rows = ThemeAssignment.objects.filter(
        theme__isnull=False, conversation__participants__person__in=seen
    ).values_list("theme_id", "conversation__participants__person_id")
    for theme_id, person_id in rows:
        tagged[theme_id].add(person_id)
    records = [
        {
            "identifiers": [identifier("theme", theme.pk)],
            "name": theme.title,
            "description": f"A theme of {theme.campaign.name}",
            "_embedded": {
                "osdi:taggings": [
                    {"person": identifier("person", pk)} for pk in sorted(tagged[theme.pk])
                ]
            },
        }
        for theme in themes_for(membership).select_related("campaign").order_by("pk")
    ]
    return _envelope("osdi:tags", records)


ATTENDANCE = {"signed_up": "accepted", "attended": "accepted", "no_show": "accepted"}


def events(membership: Membership) -> dict:
    attendances: dict[int, list[dict]] = defaultdict(list)
    for s in tables.signups_for(membership).order_by("pk"):
        attendances[s.event_id].append(
            {
                "person": identifier("person", s.person_id),
                "status": ATTENDANCE[s.status],
                "attended": s.status == "attended",
                "created_date": s.created_at.isoformat(),
            }
        )
    records = [
        {
            "identifiers": [identifier("event", e.pk)],
            "title": e.title,
            "name": e.title,
            "start_date": e.starts_at.isoformat(),
            "type": "open",
            "capacity": e.capacity,
            "location": {"venue": e.location},
            "total_accepted": len(attendances[e.pk]),
            "custom_fields": {
                "kind": e.kind,
                "focus": e.focus,
                "campaign": e.campaign.name if e.campaign else "",
            },
            "_embedded": {"osdi:attendances": attendances[e.pk]},
        }
        for e in events_for(membership).select_related("campaign").order_by("starts_at", "pk")
    ]
    return _envelope("osdi:events", records)


def conversations(membership: Membership, campaign=None) -> dict:
    records = []
    for c in tables.conversation_details(membership, campaign):
        assignment = getattr(c, "theme_assignment", None) if membership.is_staff_role else None
        records.append(
            {
                "identifiers": [identifier("conversation", c.pk)],
                "campaign": c.campaign.name,
                "held_on": c.held_on.isoformat(),
                "venue": c.venue,
                "neighbourhood": c.place.name if c.place else "",
                "held_by": c.held_by.get_username(),
                "people": [identifier("person", p.person_id) for p in c.participants.all()],
                "next_step": c.next_step,
                "next_step_response": c.next_step_response,
                "theme": (assignment.theme.title if assignment and assignment.theme else None),
                "answers": [
                    {"question": a.question.prompt, "purpose": a.question.purpose, "text": a.text}
                    for a in c.answers.all()
                ],
                "quotes": [
                    {
                        "person": identifier("person", q.person_id) if q.person_id else None,
                        "text": q.text,
                        "consent": q.consent,
                    }
                    for q in c.shared_quotes
                ],
            }
        )
    return _envelope("heard:conversations", records)


def commitments(membership: Membership) -> dict:
    table = tables.commitments_table(membership)
    records = []
    for row in table:
        record = dict(zip(table.columns, row, strict=True))
        records.append(
            {
                "identifiers": [identifier("commitment", record.pop("id"))],
                **record,
                "conversation": (
                    identifier("conversation", record["conversation"])
                    if record["conversation"]
                    else None
                ),
                "person_id": identifier("person", record["person_id"]),
            }
        )
    return _envelope("heard:commitments", records)


DOCUMENTS = {
    "people": people,
    "tags": tags,
    "events": events,
    "conversations": conversations,
    "commitments": commitments,
}
