"""Recording a conversation: one transaction for everything that was heard in it."""

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Membership
from heard.campaigns.languages import known, name_of
from heard.campaigns.models import EARLIEST_DATE, Campaign, date_out_of_bounds
from heard.commitments.models import Commitment
from heard.commitments.rules import due_date_problem
from heard.leadership.services import record_signals_heard
from heard.people.consent import notes_may_be_kept, refusing_notes
from heard.people.models import Person, Place, Relationship
from heard.people.queries import people_for
from heard.people.services import NewPerson, add_person, record_consent, tie_if_new
from heard.privacy import audit
from heard.spaces.models import ThirdSpace
from heard.spaces.services import record_places_heard

from .models import Answer, Conversation, Participant, Quote

#: Sent once a newly recorded conversation is committed, with `conversation_id` and
#: `campaign_id`; the themes app listens and places it among the campaign's themes.
conversation_recorded = Signal()

#: Who said a quote or showed a leader signal: someone already known, someone added in this
#: conversation, or None for the first person named (the only one, outside small groups).
Speaker = Person | NewPerson | None


@dataclass(frozen=True)
class HeardQuote:
    text: str
    consent: str
    person: Speaker = None
    #: The language they said it in; blank: the conversation's.
    language: str = ""


@dataclass(frozen=True)
class Promise:
    """One side of a reciprocal commitment made at the end of a one-to-one."""

    side: str
    what: str
    hours: Decimal
    due_on: dt.date


@dataclass(frozen=True)
class LeaderSignals:
    #: The yes/no signals, in the order the capture form shows them.
    FLAGS: ClassVar[tuple[str, ...]] = (
        "offered_to_help",
        "named_neighbours",
        "wants_to_host",
        "took_on_role",
    )

    #: What makes asking for help hard for them (Assessment.BARRIERS), in the form's order.
    BARRIERS: ClassVar[tuple[str, ...]] = (
        "gave_without_return",
        "bitter_about_help",
        "wants_self_reliance",
    )

    offered_to_help: bool = False
    named_neighbours: bool = False
    wants_to_host: bool = False
    took_on_role: bool = False
    kindliness: str = ""
    gave_without_return: bool = False
    bitter_about_help: bool = False
    wants_self_reliance: bool = False
    person: Speaker = None

    @property
    def noticed(self) -> bool:
        return bool(self.kindliness) or any(
            getattr(self, flag) for flag in self.FLAGS + self.BARRIERS
        )


@dataclass
class ConversationRecord:
    """Everything a volunteer captured, already parsed; `record_conversation` stores it."""

    id: uuid.UUID
    campaign: Campaign
    venue: str
    held_on: dt.date
    #: The language it was held in, one of the campaign's; blank: the campaign's main language.
    language: str = ""
    place: Place | None = None
    people: list[Person] = field(default_factory=list)
    new_people: list[NewPerson] = field(default_factory=list)
    answers: dict[int, str] = field(default_factory=dict)  # guide question id -> text
    quotes: list[HeardQuote] = field(default_factory=list)
    next_step: str = ""
    next_step_response: str = "not_asked"
    signals: LeaderSignals = field(default_factory=LeaderSignals)
    promises: list[Promise] = field(default_factory=list)
    #: "Who else should we talk to?": names the first person named gave, tied to them.
    suggested: list[str] = field(default_factory=list)
    #: "Where do you run into neighbours?": places of the registry, and names of new ones; for
    #: the person the leader signals were seen in.
    spaces: list[ThirdSpace] = field(default_factory=list)
    other_places: list[str] = field(default_factory=list)
    #: A no to contact or notes that someone already recorded gave at this conversation (a
    #: capture row that turned out to be them): (person, Consent topic).
    refusals: list[tuple[Person, str]] = field(default_factory=list)


def date_problem(campaign: Campaign | None, held_on: dt.date) -> str | None:
    """What is wrong with a conversation's date, or None; the capture form and
    `check_conversation` give the same message. A date long before the campaign is a typo that
    would also stretch the campaign's charts over the years in between."""
    today = timezone.localdate()
    if held_on > today:
        return _("The date is in the future.")
    if campaign is not None and held_on < campaign.earliest_conversation_date:
        return _too_early_message(campaign)
    return date_out_of_bounds(held_on, earliest=EARLIEST_DATE, latest=today)


def _too_early_message(campaign: Campaign) -> str:
    earliest = _day(campaign.earliest_conversation_date)
    starts_on = campaign.starts_on
    if starts_on is None or starts_on < campaign.earliest_conversation_date:
        return _("A conversation can be dated from %(day)s at the earliest.") % {"day": earliest}
    if starts_on <= timezone.localdate():
        said = _(
            "This campaign started on %(start)s; a conversation can be dated from %(day)s at "
            "the earliest."
        )
    else:
        said = _(
            "This campaign starts on %(start)s; a conversation can be dated from %(day)s at "
            "the earliest."
        )
    return said % {"start": _day(starts_on), "day": earliest}


def _day(day: dt.date) -> str:
    return dateformat.format(day, _("j F Y"))


def _not_its_language(campaign: Campaign) -> str:
    names = ", ".join(name_of(code) for code in campaign.languages)
    return _("This campaign listens in %(languages)s.") % {"languages": names}


def check_conversation(*, by: Membership, record: ConversationRecord) -> None:
    """Refuse what must never be stored, whoever calls (web form, API, import)."""
    errors: dict[str, list[str]] = {}
    ours = record.campaign.organization_id == by.organization_id
    if not ours:
        errors.setdefault("campaign", []).append(_("Unknown campaign."))
    # Another organization's campaign is unknown: its start date must not show in a message.
    problem = date_problem(record.campaign if ours else None, record.held_on)
    if problem:
        errors.setdefault("held_on", []).append(problem)
    if record.place and record.place.organization_id != by.organization_id:
        errors.setdefault("place", []).append(_("Unknown place."))
    if ours and record.language and not record.campaign.listens_in(record.language):
        errors.setdefault("language", []).append(_not_its_language(record.campaign))
    # A quote may be in a language the campaign's guide is not written in (in a group, one
    # neighbour speaks their own), but in a language.
    if any(q.language and known(q.language) != q.language for q in record.quotes):
        errors.setdefault("quotes", []).append(_("A quote's language is not one Heard knows."))
    if any(p.organization_id != by.organization_id for p in record.people):
        errors.setdefault("people", []).append(_("Unknown person."))
    if any(s.organization_id != by.organization_id for s in record.spaces):
        errors.setdefault("spaces", []).append(_("Unknown place."))
    if any(person not in record.people for person, _topic in record.refusals):
        errors.setdefault("people", []).append(_("A consent answer of someone not in it."))
    if not record.people and not record.new_people:
        errors.setdefault("people", []).append(_("Who did you talk with? Find or add a person."))
    speakers = [q.person for q in record.quotes] + [record.signals.person]
    if any(not _took_part(s, record) for s in speakers if s is not None):
        # Consent and leader signals belong to one person: never to someone who was not there.
        errors.setdefault("people", []).append(
            _("A quote or leader signal names someone who is not in this conversation.")
        )
    for promise in record.promises:
        problem = due_date_problem(promise.due_on, held_on=record.held_on)
        if problem:
            errors.setdefault("promises", []).append(f"“{promise.what}”: {problem}")
    # .all(): the guide the capture form read (prefetched onto the campaign), not a query again.
    question_ids = {question.id for question in record.campaign.questions.all()}
    if set(record.answers) - question_ids:
        errors.setdefault("answers", []).append(_("An answer belongs to another campaign's guide."))
    heard_something = any(t.strip() for t in record.answers.values()) or any(
        q.text.strip() for q in record.quotes
    )
    if not heard_something:
        errors.setdefault("__all__", []).append(
            _("The conversation is empty: write down at least one thing you heard.")
        )
    if errors:
        raise ValidationError(errors)


def record_conversation(*, by: Membership, record: ConversationRecord) -> tuple[Conversation, bool]:
    """Store a conversation with its people, answers, quotes, leader signals, next step and
    commitments, all or nothing. The same UUID twice stores it once: returns (conversation,
    created).

    Consent decides what of it is kept: when everyone in it said no to notes being kept, no
    answers, quotes or leader signals are stored (the date, venue, people, next step and
    commitments are); in a group, a refuser's own quotes and signals are left out."""
    existing = Conversation.objects.filter(pk=record.id).first()
    if existing is not None:
        return _already_recorded(by, existing)
    check_conversation(by=by, record=record)
    try:
        # One insert for the audit events of every row below, in the same transaction.
        with transaction.atomic(), audit.gathered():
            added = [add_person(by=by, person=new) for new in record.new_people]
            people = list(record.people) + added
            pairs = zip(record.new_people, added, strict=True)
            added_for = {id(new): person for new, person in pairs}

            def who(speaker: Speaker) -> Person:
                if speaker is None:
                    return people[0]
                if isinstance(speaker, NewPerson):
                    return added_for[id(speaker)]
                return speaker

            language = record.language or record.campaign.main_language
            conversation = Conversation.objects.create(
                id=record.id,
                organization=by.organization,
                campaign=record.campaign,
                venue=record.venue,
                held_on=record.held_on,
                language=language,
                place=record.place,
                held_by=by.user,
                next_step=record.next_step,
                next_step_response=record.next_step_response,
            )
            Participant.objects.bulk_create(
                Participant(conversation=conversation, person=p) for p in dict.fromkeys(people)
            )
            # Before what is kept is decided: a no given today counts today, and reaches back
            # to what was kept of them before (`record_consent` forgets it).
            for person, topic in record.refusals:
                record_consent(by=by, person=person, topic=topic, granted=False)
            refusers = refusing_notes(people)
            keep_notes = notes_may_be_kept(people, refusers=refusers)
            refused = {p for p in people if p.pk in refusers} if keep_notes else set(people)
            Answer.objects.bulk_create(
                Answer(conversation=conversation, question_id=qid, text=text.strip())
                for qid, text in record.answers.items()
                if text.strip() and keep_notes
            )
            Quote.objects.bulk_create(
                Quote(
                    conversation=conversation,
                    person=who(q.person),
                    text=q.text.strip(),
                    consent=q.consent,
                    language=q.language or language,
                )
                for q in record.quotes
                if q.text.strip() and who(q.person) not in refused
            )
            if record.signals.noticed and who(record.signals.person) not in refused:
                record_signals_heard(
                    by=by,
                    person=who(record.signals.person),
                    conversation=conversation,
                    signals={f for f in LeaderSignals.FLAGS if getattr(record.signals, f)},
                    kindliness=record.signals.kindliness,
                    barriers={b for b in LeaderSignals.BARRIERS if getattr(record.signals, b)},
                )
            Commitment.objects.bulk_create(
                Commitment(
                    organization=by.organization,
                    conversation=conversation,
                    person=people[0],
                    side=promise.side,
                    owner=by.user if promise.side == Commitment.Side.ORGANIZER else None,
                    what=promise.what,
                    hours=promise.hours,
                    due_on=promise.due_on,
                )
                for promise in record.promises
            )
            if people[0] not in refused:
                _tie_suggested(by, people[0], record)
            if who(record.signals.person) not in refused:
                record_places_heard(
                    by=by,
                    person=who(record.signals.person),
                    spaces=record.spaces,
                    new_names=record.other_places,
                    conversation=conversation,
                )
            # Themes place it once it is committed (capture knows nothing of themes).
            pk, campaign_id = conversation.pk, conversation.campaign_id
            transaction.on_commit(
                lambda: conversation_recorded.send(
                    sender=Conversation, conversation_id=pk, campaign_id=campaign_id
                )
            )
    except IntegrityError:
        # Two submissions of the same UUID raced; the other one stored it.
        existing = Conversation.objects.filter(pk=record.id).first()
        if existing is None:
            raise
        return _already_recorded(by, existing)
    return conversation, True


def _tie_suggested(by: Membership, person: Person, record: ConversationRecord) -> None:
    """ "Who else should we talk to?": each name is someone the member already knows of by that
    exact name, or a new person (in the conversation's neighbourhood), tied to the person who
    named them. The tie's note says where it came from."""
    known = people_for(by)
    held = _day(record.held_on)
    for name in record.suggested:
        other = known.filter(name__iexact=name).exclude(pk=person.pk).first()
        if other is None:
            other = add_person(
                by=by, person=NewPerson(name=name, place=record.place or person.place)
            )
        tie_if_new(
            by=by,
            person=person,
            other=other,
            kind=Relationship.Kind.NEIGHBOUR,
            note=_("Suggested to talk to, %(day)s") % {"day": held},
        )


def _took_part(speaker: Person | NewPerson, record: ConversationRecord) -> bool:
    if isinstance(speaker, NewPerson):
        return any(speaker is new for new in record.new_people)
    return speaker in record.people


def _already_recorded(by: Membership, existing: Conversation) -> tuple[Conversation, bool]:
    if existing.organization_id != by.organization_id or existing.held_by_id != by.user_id:
        # Someone else's UUID: never reveal or touch their conversation.
        raise ValidationError(
            {
                "__all__": [
                    ValidationError(_("This conversation id is already in use."), code="id_in_use")
                ]
            }
        )
    return existing, False
