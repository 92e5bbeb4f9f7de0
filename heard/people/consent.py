"""What a person agreed to, decided in one place.

Every page, search and export asks these functions; none re-states a rule. The newest Consent
row per person and topic is in force; with no row the person was never asked, and Heard keeps
what it was given (notes, and contact details where they were given at all).

1. A quote marked "not to be shared" is read only by the member who recorded the conversation
   and the organization's administrators (`quotes_seen_by`).
2. Contact details of someone who said no to being contacted again are shown, listed, searched
   and exported nowhere (`contact_shown`, `contactable`, `not_to_be_contacted`).
3. Notes of a conversation where everyone said no to notes being kept are not stored and never
   themed (`notes_may_be_kept`, `conversations_without_notes`; the removal itself is
   `heard.people.services.record_consent`).

This module sits at the bottom of the capture apps (people, conversations): it reads
conversations' models but no app above them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from heard.accounts.models import Membership, Role
from heard.conversations.models import Conversation, Participant, Quote

from .models import Consent, Person

#: Quotes the team may read whoever recorded them (the Themes pages show only these).
SHARED_QUOTES = (Quote.Consent.TEAM, Quote.Consent.PUBLIC)


# ---------------------------------------------------------------------------------------------
# The newest answer per topic


def _newest_row(topic: str, person: OuterRef) -> Subquery:
    return Subquery(
        Consent.objects.filter(person=person, topic=topic)
        .order_by("-recorded_at", "-id")
        .values("id")[:1]
    )


def _newest(topic: str, field: str) -> Subquery:
    return Subquery(
        Consent.objects.filter(person=OuterRef("pk"), topic=topic)
        .order_by("-recorded_at", "-id")
        .values(field)[:1]
    )


def said_no(topic: str) -> Q:
    """People whose newest answer on this topic is no (for `Person` querysets)."""
    return Q(
        Exists(
            Consent.objects.filter(
                person=OuterRef("pk"),
                topic=topic,
                granted=False,
                id=_newest_row(topic, OuterRef("person")),
            )
        )
    )


def answers_in_force(person_ids: Iterable[int], topic: str) -> dict[int, bool]:
    """The answer in force on this topic for each of these few people who gave one: their
    newest row, picked here rather than by a subquery per person (a capture asks it for two or
    three people, and the subquery costs more to build than to run)."""
    answers: dict[int, bool] = {}
    rows = (
        Consent.objects.filter(person_id__in=list(person_ids), topic=topic)
        .order_by("person_id", "-recorded_at", "-id")
        .values_list("person_id", "granted")
    )
    for person_id, granted in rows:
        answers.setdefault(person_id, granted)
    return answers


def refusing(topic: str) -> QuerySet[Person]:
    """Everyone, in any organization, whose newest answer on this topic is no.

    Only those who ever said no can be refusing now, and they are few: asking each person's
    newest answer instead read every person with a subquery each (20 ms at 14,000 people, in
    every theme sweep)."""
    ever_said_no = Consent.objects.filter(topic=topic, granted=False).values("person_id")
    return Person.objects.filter(pk__in=ever_said_no).filter(said_no(topic))


def with_consent(people: QuerySet[Person]) -> QuerySet[Person]:
    """Annotate `contact_refused` so a list shows contact details without a query per row."""
    return people.annotate(contact_refused=said_no(Consent.Topic.CONTACT))


def with_answers(people: QuerySet[Person]) -> QuerySet[Person]:
    """Annotate, per topic, the answer in force and when it was given (`<topic>_granted`,
    `<topic>_recorded_at`; None when never asked), for the person page, in the same query."""
    annotations = {}
    for topic in Consent.Topic.values:
        annotations[f"{topic}_granted"] = _newest(topic, "granted")
        annotations[f"{topic}_recorded_at"] = _newest(topic, "recorded_at")
    return with_consent(people).annotate(**annotations)


# ---------------------------------------------------------------------------------------------
# 1. Quotes


def quotes_seen_by(membership: Membership) -> Q:
    """The quotes this member may read (for `Quote` querysets): shared ones, and one marked
    "not to be shared" only by an administrator or the member who heard it."""
    if membership.role == Role.ADMIN:
        return Q()
    return Q(consent__in=SHARED_QUOTES) | Q(conversation__held_by=membership.user_id)


# ---------------------------------------------------------------------------------------------
# 2. Contact details


def may_contact(person: Person) -> bool:
    """Contact details are shown, listed and exported only if the person did not say no."""
    refused = getattr(person, "contact_refused", None)
    if refused is None:  # not annotated by `with_consent`: ask the database
        refused = refusing(Consent.Topic.CONTACT).filter(pk=person.pk).exists()
    return not refused


def contact_shown(person: Person) -> str:
    """The phone and email a page may show ("" for someone who asked not to be contacted)."""
    return person.contact if may_contact(person) else ""


def not_to_be_contacted(person: Person) -> bool:
    """True when the person said no: pages say so instead of showing nothing."""
    return not may_contact(person)


def contactable(people: QuerySet[Person]) -> QuerySet[Person]:
    """The people of a list or export whose contact details may be used."""
    return people.exclude(said_no(Consent.Topic.CONTACT))


def matches_contact(query: str) -> Q:
    """People whose phone or email holds the query, among those who may be contacted: a
    search by number must not find, and so reveal, the number of someone who said no."""
    return (Q(phone__icontains=query) | Q(email__icontains=query)) & ~said_no(Consent.Topic.CONTACT)


# ---------------------------------------------------------------------------------------------
# 3. Notes


def notes_may_be_kept(people: Iterable[Person], *, refusers: set[int] | None = None) -> bool:
    """A conversation's notes are kept unless every person in it said no to notes being kept
    (in a group, the others' notes are theirs to give; the refuser's quotes and leader signals
    are left out). People not stored yet have not said no. `refusers`: `refusing_notes(people)`
    when the caller has read it already (a capture needs both: one query, not two)."""
    people = list(people)
    if not people or any(not getattr(p, "pk", None) for p in people):
        return True
    stored = {p.pk for p in people}
    if refusers is None:
        refusers = refusing_notes(people)
    return len(refusers & stored) < len(stored)


def refusing_notes(people: Iterable[Person]) -> set[int]:
    """Ids of these people whose newest answer on notes being kept is no."""
    stored = [p.pk for p in people if getattr(p, "pk", None)]
    if not stored:
        return set()
    answers = answers_in_force(stored, Consent.Topic.RECORDS)
    return {pk for pk, granted in answers.items() if not granted}


def conversations_without_notes(conversations: QuerySet[Conversation]) -> set:
    """Ids of these conversations whose notes may not be kept: every participant said no.

    Refusals are few, so this starts from the refusers rather than testing every
    conversation of a campaign: three small queries whatever the campaign's size.
    """
    refused = set(refusing(Consent.Topic.RECORDS).values_list("pk", flat=True))
    if not refused:
        return set()
    touched = Participant.objects.filter(
        person_id__in=refused, conversation__in=conversations
    ).values("conversation_id")
    people_of: dict = {}
    for conversation_id, person_id in Participant.objects.filter(
        conversation_id__in=touched
    ).values_list("conversation_id", "person_id"):
        people_of.setdefault(conversation_id, set()).add(person_id)
    return {cid for cid, people in people_of.items() if people <= refused}


def may_record_consent(membership: Membership, person: Person) -> bool:
    """Organizers and administrators, and the volunteer who heard this person themselves, may
    record what the person said about contact and notes."""
    if person.organization_id != membership.organization_id:
        return False
    if membership.is_staff_role:
        return True
    return Participant.objects.filter(
        person=person, conversation__held_by=membership.user_id
    ).exists()


@dataclass(frozen=True)
class ConsentAnswer:
    """What a person said on one topic, as the person page shows it."""

    topic: str
    label: str
    granted: bool | None  # None: never asked
    recorded_at: datetime | None


def answers_of(person: Person) -> list[ConsentAnswer]:
    """Per topic, the answer in force (read from `with_answers` when the person carries it)."""
    if not hasattr(person, f"{Consent.Topic.CONTACT}_granted"):
        person = with_answers(Person.objects.filter(pk=person.pk)).get()
    return [
        ConsentAnswer(
            topic,
            label,
            getattr(person, f"{topic}_granted"),
            getattr(person, f"{topic}_recorded_at"),
        )
        for topic, label in Consent.Topic.choices
    ]
