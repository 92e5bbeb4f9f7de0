"""What an export holds, as tables a spreadsheet opens: one row per person, conversation,
commitment, event or sign-up, with Heard's ids so that a file can come back (import) and
partners can join their rows to ours.

Every table is read through the access helpers, so a volunteer's export is their turf, and
through the consent rules of `heard.people.consent`, as the pages are:
- contact details of someone who said no to contact are left blank (`may_contact` says "no");
- a quote leaves Heard only if the team may share it (`SHARED_QUOTES`) and the member may read
  it: a "not to be shared" quote is in no export, not even its recorder's (as the plan's
  handouts);
- answers come only from conversations the member may open; themes only for staff, who alone
  read the Themes pages.

Rows are produced lazily (`iterator`), so a file of 100,000 conversations streams without
being held in memory; each table reads a fixed number of queries per chunk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from heard.accounts.models import Membership
from heard.campaigns.models import GuideQuestion, SignUp
from heard.campaigns.queries import campaigns_for, events_for
from heard.commitments.queries import commitments_for
from heard.conversations.models import Conversation, Quote
from heard.conversations.queries import conversations_for, with_details
from heard.people import consent
from heard.people.models import Person
from heard.people.queries import people_for

CHUNK = 2000
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Table:
    """One export: its file name, its columns and a way to produce its rows."""

    name: str
    columns: list[str]
    rows: Callable[[], Iterator[list]]

    def __iter__(self):
        return self.rows()


def people_with_consent(membership: Membership) -> QuerySet[Person]:
    return consent.with_consent(people_for(membership)).select_related("place", "household")


def people_table(membership: Membership) -> Table:
    columns = [
        "id", "name", "phone", "email", "may_contact", "language", "neighbourhood",
        "household", "address", "added_on",
    ]  # fmt: skip

    def rows():
        for person in people_with_consent(membership).order_by("pk").iterator(chunk_size=CHUNK):
            contact = consent.may_contact(person)
            household = person.household
            yield [
                person.pk,
                person.name,
                person.phone if contact else "",
                person.email if contact else "",
                "yes" if contact else "no",
                person.language,
                person.place.name if person.place else "",
                household.name if household else "",
                household.address if household and contact else "",
                person.created_at.date().isoformat(),
            ]

    return Table("people", columns, rows)


def _questions(membership: Membership, campaign=None) -> list[str]:
    """Each distinct guide prompt once, in campaign and guide order: a column per question."""
    questions = GuideQuestion.objects.filter(campaign__in=campaigns_for(membership))
    if campaign is not None:
        questions = questions.filter(campaign=campaign)
    prompts = questions.order_by("campaign_id", "position", "pk").values_list("prompt", flat=True)
    return list(dict.fromkeys(prompts))


def conversations_table(membership: Membership, campaign=None) -> Table:
    prompts = _questions(membership, campaign)
    themed = membership.is_staff_role
    columns = [
        "id", "campaign", "held_on", "venue", "neighbourhood", "held_by", "people", "people_ids",
        "next_step", "next_step_response", *(["theme"] if themed else []),
        *(f"answer: {p}" for p in prompts), "quotes",
    ]  # fmt: skip

    def rows():
        for conversation in conversation_details(membership, campaign):
            answers = {a.question.prompt: a.text for a in conversation.answers.all()}
            people = [p.person for p in conversation.participants.all()]
            assignment = getattr(conversation, "theme_assignment", None) if themed else None
            yield [
                str(conversation.pk),
                conversation.campaign.name,
                conversation.held_on.isoformat(),
                conversation.venue,
                conversation.place.name if conversation.place else "",
                conversation.held_by.get_username(),
                LIST_SEPARATOR.join(p.name for p in people),
                LIST_SEPARATOR.join(str(p.pk) for p in people),
                conversation.next_step,
                conversation.next_step_response,
                *(
                    [assignment.theme.title if assignment and assignment.theme else ""]
                    if themed
                    else []
                ),
                *(answers.get(p, "") for p in prompts),
                LIST_SEPARATOR.join(
                    f"{q.person.name if q.person else ''}: {q.text} [{q.consent}]"
                    for q in conversation.shared_quotes
                ),
            ]

    return Table("conversations", columns, rows)


def conversation_details(membership: Membership, campaign=None) -> Iterator[Conversation]:
    """The member's conversations with everything an export says of them, chunk by chunk."""
    conversations = conversations_for(membership)
    if campaign is not None:
        conversations = conversations.filter(campaign=campaign)
    shared = Quote.objects.filter(
        consent.quotes_seen_by(membership), consent__in=consent.SHARED_QUOTES
    ).select_related("person")
    if membership.is_staff_role:
        conversations = conversations.select_related("theme_assignment__theme")
    return (
        with_details(conversations)
        .prefetch_related(
            "answers__question", Prefetch("quotes", queryset=shared, to_attr="shared_quotes")
        )
        .order_by("held_on", "pk")
        .iterator(chunk_size=CHUNK)
    )


def commitments_table(membership: Membership) -> Table:
    columns = [
        "id", "conversation", "person", "person_id", "side", "owner", "what", "hours", "due_on",
        "status",
    ]  # fmt: skip

    def rows():
        commitments = (
            commitments_for(membership).select_related("person", "owner").order_by("due_on", "pk")
        )
        for c in commitments.iterator(chunk_size=CHUNK):
            yield [
                c.pk,
                str(c.conversation_id or ""),
                c.person.name,
                c.person_id,
                c.side,
                c.owner.get_username() if c.owner else "",
                c.what,
                str(c.hours),
                c.due_on.isoformat(),
                c.status,
            ]

    return Table("commitments", columns, rows)


def events_table(membership: Membership) -> Table:
    columns = [
        "id", "title", "kind", "focus", "campaign", "starts_at", "location", "capacity",
        "signed_up", "attended",
    ]  # fmt: skip

    def rows():
        counts = _signup_counts(membership)
        for e in events_for(membership).select_related("campaign").order_by("starts_at", "pk"):
            yield [
                e.pk,
                e.title,
                e.kind,
                e.focus,
                e.campaign.name if e.campaign else "",
                e.starts_at.isoformat(),
                e.location,
                e.capacity if e.capacity is not None else "",
                counts[e.pk][SignUp.Status.SIGNED_UP] + counts[e.pk][SignUp.Status.ATTENDED],
                counts[e.pk][SignUp.Status.ATTENDED],
            ]

    return Table("events", columns, rows)


def signups_for(membership: Membership) -> QuerySet[SignUp]:
    """Sign-ups of the people the member may see, to the organization's events."""
    return SignUp.objects.filter(
        event__in=events_for(membership), person__in=people_for(membership)
    )


def _signup_counts(membership: Membership) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for event_id, status in signups_for(membership).values_list("event_id", "status"):
        counts[event_id][status] += 1
    return counts


def signups_table(membership: Membership) -> Table:
    columns = [
        "event_id",
        "event",
        "person_id",
        "person",
        "status",
        "brought_by_id",
        "signed_up_on",
    ]

    def rows():
        signups = signups_for(membership).select_related("event", "person").order_by("pk")
        for s in signups.iterator(chunk_size=CHUNK):
            yield [
                s.event_id,
                s.event.title,
                s.person_id,
                s.person.name,
                s.status,
                s.brought_by_id or "",
                s.created_at.date().isoformat(),
            ]

    return Table("signups", columns, rows)


TABLES: dict[str, Callable[..., Table]] = {
    "people": people_table,
    "conversations": conversations_table,
    "commitments": commitments_table,
    "events": events_table,
    "signups": signups_table,
}
