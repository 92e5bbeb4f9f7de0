"""Writes for people: adding a neighbour met at the door, with their household, and recording
what they agreed to."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Length
from django.dispatch import Signal
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.conversations.models import Answer, Conversation, Quote
from heard.leadership.models import Assessment
from heard.privacy.receivers import record_inserted

from . import consent
from .models import Consent, Household, Person, Place, Relationship

#: Sent inside the transaction with `conversation_ids`: these conversations no longer hold any
#: notes. The themes app listens and drops their theme assignments; people know nothing of
#: themes, which sit above them.
notes_withheld = Signal()


@dataclass(frozen=True)
class NewPerson:
    """A person added inline while recording a conversation."""

    name: str
    phone: str = ""
    email: str = ""
    language: str = Person.Language.ENGLISH
    place: Place | None = None
    household_name: str = ""
    # Asked at the door: True or False is stored as a Consent row; None, not asked.
    may_contact: bool | None = None
    notes_kept: bool | None = None


def add_person(*, by: Membership, person: NewPerson) -> Person:
    """Store a new person in the asker's organization; a named household is found or made, and
    what they said about contact and notes is recorded."""
    # Part of the conversation's one transaction (its only caller): a savepoint of its own
    # would cost two more round trips a new person and undo nothing the save keeps.
    with transaction.atomic(savepoint=False):
        household = None
        if person.household_name:
            household = _household_named(by.organization, person.household_name)
            if household is None:
                household = Household.objects.create(
                    organization=by.organization, name=person.household_name, place=person.place
                )
        added = Person.objects.create(
            organization=by.organization,
            name=person.name,
            phone=person.phone,
            email=person.email,
            language=person.language,
            place=person.place,
            household=household,
            added_by=by.user,
        )
        answers = {
            Consent.Topic.CONTACT: person.may_contact,
            Consent.Topic.RECORDS: person.notes_kept,
        }
        said = Consent.objects.bulk_create(
            Consent(person=added, topic=topic, granted=granted, recorded_by=by.user)
            for topic, granted in answers.items()
            if granted is not None
        )
        # One insert, no post_save: who recorded that this neighbour may be called is what
        # the log is for.
        record_inserted(said)
        return added


def _household_named(organization, name: str) -> Household | None:
    """The organization's household with this name, whatever the case.

    SQLite folds only ASCII letters when it ignores case, so "RAMÍREZ" would miss "Ramírez" there
    (and not on PostgreSQL): the names are compared in Python, among those of the same length.
    """
    wanted = name.casefold()
    if name.isascii():
        # Both databases fold ASCII letters alike: the database finds it, by name.
        return (
            Household.objects.filter(organization=organization, name__iexact=name)
            .order_by("id")
            .first()
        )
    same_length = (
        Household.objects.filter(organization=organization)
        .annotate(name_length=Length("name"))
        .filter(name_length=len(name))
        .order_by("id")
    )
    return next((h for h in same_length if h.name.casefold() == wanted), None)


def record_consent(
    *, by: Membership, person: Person, topic: str, granted: bool
) -> tuple[Consent, "Forgotten"]:
    """Record what the person said about contact or notes (a new history row; the newest is in
    force). A no to notes being kept removes, at once, what was stored beyond it (see
    `forget_notes_of`); returns the row and what was removed."""
    if topic not in Consent.Topic.values:
        raise ValueError(f"Unknown consent topic: {topic!r}")
    if not consent.may_record_consent(by, person):
        raise PermissionDenied("Only the team, or whoever heard this person, records consent.")
    with transaction.atomic():
        row = Consent.objects.create(
            person=person, topic=topic, granted=granted, recorded_by=by.user
        )
        forgotten = Forgotten(conversations=0, quotes=0, signals=0)
        if topic == Consent.Topic.RECORDS and not granted:
            forgotten = forget_notes_of([person.pk])
    return row, forgotten


@dataclass(frozen=True)
class Forgotten:
    """What `forget_notes_of` removed."""

    conversations: int  # left without notes (answers, quotes, signals and theme placement)
    quotes: int
    signals: int


def forget_notes_of(person_ids) -> Forgotten:
    """Remove what may not be kept of these people's conversations, by their newest consent:
    where every participant said no to notes, the answers, quotes and leader signals; in a group
    where others agreed, only the refusers' own quotes and leader signals. The caller opens the
    transaction (the demo and the data migration apply the same rule)."""
    refused = consent.refusing(Consent.Topic.RECORDS).filter(pk__in=list(person_ids))
    theirs = Conversation.objects.filter(participants__person__in=refused)
    emptied = consent.conversations_without_notes(theirs)
    Answer.objects.filter(conversation_id__in=emptied).delete()
    quotes, _by_model = Quote.objects.filter(conversation_id__in=emptied).delete()
    signals, _by_model = Assessment.objects.filter(conversation_id__in=emptied).delete()
    # In a group, only the refusers' own words and signals go.
    quotes += Quote.objects.filter(conversation__in=theirs, person__in=refused).delete()[0]
    signals += Assessment.objects.filter(conversation__in=theirs, person__in=refused).delete()[0]
    if emptied:
        notes_withheld.send(sender=Person, conversation_ids=sorted(emptied, key=str))
    return Forgotten(conversations=len(emptied), quotes=quotes, signals=signals)


def add_tie(
    *, by: Membership, person: Person, other: Person, kind: str, note: str = ""
) -> Relationship:
    """Record that two neighbours know each other. Knowing is mutual: a tie already recorded
    the other way round, of the same kind, is not recorded twice."""
    if person.organization_id != by.organization_id or other.organization_id != by.organization_id:
        raise PermissionDenied
    if person.pk == other.pk:
        raise ValidationError({"other": [_("Choose someone else: a tie joins two people.")]})
    if kind not in Relationship.Kind.values:
        raise ValidationError({"kind": [_("Choose what ties them.")]})
    if _tie(person, other, kind) is not None:
        label = Relationship.Kind(kind).label.lower()
        raise ValidationError(
            {
                "other": [
                    _("%(name)s and %(other)s are already tied (%(kind)s).")
                    % {"name": person.name, "other": other.name, "kind": label}
                ]
            }
        )
    try:
        with transaction.atomic():
            return Relationship.objects.create(
                organization=by.organization,
                person=person,
                other=other,
                kind=kind,
                note=note.strip(),
            )
    except IntegrityError as error:  # the same tie saved twice at once
        raise ValidationError({"other": [_("This tie was just recorded.")]}) from error


def end_tie(*, by: Membership, tie: Relationship) -> None:
    """They no longer know each other, or it was a mistake: the tie goes (the audit log keeps
    that it was removed, and by whom)."""
    if tie.organization_id != by.organization_id:
        raise PermissionDenied
    tie.delete()


def tie_if_new(
    *, by: Membership, person: Person, other: Person, kind: str, note: str = ""
) -> Relationship:
    """The tie between the two of this kind, made if it is not recorded yet either way round
    (capture's "who else should we talk to?" names people who may already be tied)."""
    return _tie(person, other, kind) or add_tie(
        by=by, person=person, other=other, kind=kind, note=note
    )


def _tie(person: Person, other: Person, kind: str) -> Relationship | None:
    """Their tie of this kind, recorded either way round (knowing is mutual)."""
    same = Q(person=person, other=other) | Q(person=other, other=person)
    return Relationship.objects.filter(same, kind=kind).first()
