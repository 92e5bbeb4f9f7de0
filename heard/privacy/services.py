"""A person's rights: everything Heard holds about them, handed over (`export_person`) or
removed (`erase_person`).

Both are open to the organization's administrators (`by` is their membership) and to the operator
on the server's command line (`by=None`); each records one audit event.

The export is the person's own copy, so it holds everything, whatever the consent rules hide from
the team (their quotes marked "not to be shared", contact details they asked not to be used): it
is their data. The erasure removes their words from every table Heard writes them to, including
what was derived from them (cached note vectors, theme highlights, theme labels and phrases, the
admin's change log, the audit log), and on SQLite overwrites the freed pages.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from heard.accounts.models import Membership, Role
from heard.campaigns.models import Campaign, SignUp
from heard.commitments.models import Commitment
from heard.common_ground.models import PersonSide
from heard.conversations.models import Answer, Conversation, Participant, Quote
from heard.leadership.models import Assessment
from heard.people.models import Consent, Person, Relationship
from heard.plans.models import PlanAction
from heard.smallgroups.models import CriticalFriend, GroupSeat
from heard.spaces.models import Regular
from heard.themes.embedding import DatabaseEmbeddingCache
from heard.themes.models import Theme, ThemeAssignment
from heard.themes.notes import notes_for_conversations
from heard.themes.runs import request_run
from heard.themes.writes import _recount

from . import audit
from .models import Action, AuditEvent
from .queries import conversations_of, events_about, holdings_of

logger = logging.getLogger(__name__)

#: Bumped whenever a key of the export changes meaning or goes away.
EXPORT_SCHEMA = "heard.person-export"
EXPORT_VERSION = 1
#: What a theme is called between an erasure that took its label's words and the re-run.
RENAMING_LABEL = "Being renamed after an erasure"
_CHUNK = 400


def check_may_handle(by: Membership | None, person: Person) -> None:
    """Only the organization's administrators (or the operator, `by=None`) export or erase."""
    if by is not None and (by.role != Role.ADMIN or by.organization_id != person.organization_id):
        raise PermissionDenied


def _actor(by: Membership | None) -> dict[str, Any]:
    return {"actor_name": audit.OPERATOR} if by is None else {"user": by.user}


def _name_of(by: Membership | None) -> str:
    return audit.OPERATOR if by is None else by.user.get_username()


def _day(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


# ---------------------------------------------------------------------------------------------
# Export


def export_person(*, by: Membership | None, person: Person) -> dict:
    """Everything Heard holds about a person, as JSON-ready data; records an "exported" event."""
    check_may_handle(by, person)
    with transaction.atomic():
        person = Person.objects.select_related("place", "household__place", "organization").get(
            pk=person.pk
        )
        data = {
            "schema": EXPORT_SCHEMA,
            "version": EXPORT_VERSION,
            "exported_at": timezone.now().isoformat(),
            "organization": person.organization.name,
            "person": _person(person),
            "ties": _ties(person),
            "consents": [
                {
                    "topic": c.topic,
                    "topic_label": c.get_topic_display(),
                    "granted": c.granted,
                    "recorded_at": _day(c.recorded_at),
                }
                for c in Consent.objects.filter(person=person).order_by("recorded_at", "id")
            ],
            "conversations": _conversations(person),
            "commitments": [
                {
                    "side": c.get_side_display(),
                    "what": c.what,
                    "hours": str(c.hours),
                    "due_on": _day(c.due_on),
                    "status": c.status,
                    "closed_note": c.closed_note,
                    "conversation": str(c.conversation_id) if c.conversation_id else None,
                }
                for c in Commitment.objects.filter(person=person).order_by("due_on", "id")
            ],
            "sign_ups": [
                {
                    "event": s.event.title,
                    "kind": s.event.get_kind_display(),
                    "starts_at": _day(s.event.starts_at),
                    "location": s.event.location,
                    "status": s.status,
                    "signed_up_at": _day(s.created_at),
                    "brought_by": s.brought_by.name if s.brought_by else None,
                }
                for s in SignUp.objects.filter(person=person).select_related("event", "brought_by")
            ],
            "assessments": [
                {
                    "assessed_on": _day(a.assessed_on),
                    "leader_signals": a.signal_labels,
                    "kindliness": a.kindliness,
                    "barriers_to_asking_for_help": a.barrier_labels,
                    # The level as it was named and defined when they were judged on it.
                    "level": a.level_name or None,
                    "level_definition": a.level_definition or None,
                    "note": a.note,
                    "conversation": str(a.conversation_id) if a.conversation_id else None,
                }
                for a in Assessment.objects.filter(person=person).order_by("assessed_on", "id")
            ],
            "themes": _themes(person),
            # Which side of the organization's divides they are on (common ground).
            "sides": [
                {
                    "divide": row.divide.name,
                    "side": row.side.name,
                    "recorded_at": _day(row.recorded_at),
                }
                for row in PersonSide.objects.filter(person=person)
                .select_related("divide", "side")
                .order_by("divide__name")
            ],
            # Actions of a campaign's plan they took on.
            "plan_actions": [
                {
                    "campaign": a.plan_theme.plan.campaign.name,
                    "theme": a.plan_theme.title,
                    "what": a.what,
                    "hours": str(a.hours) if a.hours is not None else None,
                    "due_on": _day(a.due_on) if a.due_on else None,
                    "status": a.status,
                }
                for a in PlanAction.objects.filter(owner_person=person)
                .select_related("plan_theme__plan__campaign")
                .order_by("id")
            ],
            # The small groups they were invited to, and whether they are a willing critical friend.
            "small_groups": [
                {
                    "campaign": seat.plan.campaign.name,
                    "concern": seat.group.concern_title,
                    "formed_on": _day(seat.plan.solved_at) if seat.plan.solved_at else None,
                }
                for seat in GroupSeat.objects.filter(person=person)
                .select_related("plan__campaign", "group")
                .order_by("id")
            ],
            "critical_friend": CriticalFriend.objects.filter(person=person).exists(),
            # The places they run into neighbours at, and how we know.
            "third_spaces": [
                {
                    "place": r.space.name,
                    "kind": r.space.get_kind_display(),
                    "how": r.get_how_display(),
                    "recorded_on": _day(r.recorded_on),
                    "conversation": str(r.conversation_id) if r.conversation_id else None,
                }
                for r in Regular.objects.filter(person=person)
                .select_related("space")
                .order_by("space__name", "id")
            ],
            "audit": [
                {
                    "at": _day(e.at),
                    "action": e.action,
                    "by": e.actor_name,
                    "object_kind": e.object_kind,
                    "object_id": e.object_id,
                    "detail": e.detail,
                }
                for e in events_about(person)
            ],
        }
        audit.record(
            Action.EXPORTED,
            **_actor(by),
            organization_id=person.organization_id,
            kind="people.person",
            object_id=person.pk,
            person_id=person.pk,
        )
    return data


def _person(person: Person) -> dict:
    household = person.household
    return {
        "id": person.pk,
        "name": person.name,
        "phone": person.phone,
        "email": person.email,
        "language": person.language,
        "place": person.place.name if person.place else None,
        "household": {
            "name": household.name,
            "address": household.address,
            "place": household.place.name if household.place else None,
        }
        if household
        else None,
        "added_at": _day(person.created_at),
    }


def _ties(person: Person) -> list[dict]:
    ties = Relationship.objects.filter(Q(person=person) | Q(other=person)).select_related(
        "person", "other"
    )
    return [
        {
            "direction": "from them" if tie.person_id == person.pk else "to them",
            "other": tie.other.name if tie.person_id == person.pk else tie.person.name,
            "kind": tie.get_kind_display(),
            "note": tie.note,
        }
        for tie in ties.order_by("id")
    ]


def _conversations(person: Person) -> list[dict]:
    conversations = (
        Conversation.objects.filter(participants__person=person)
        .select_related("campaign", "place", "held_by")
        .prefetch_related("answers__question", "quotes", "participants")
        .order_by("held_on", "created_at")
    )
    found = []
    for c in conversations:
        alone = len(c.participants.all()) == 1
        found.append(
            {
                "id": str(c.pk),
                "campaign": c.campaign.name,
                "venue": c.get_venue_display(),
                "held_on": _day(c.held_on),
                "place": c.place.name if c.place else None,
                "held_by": c.held_by.get_username(),
                "people_in_it": len(c.participants.all()),
                "next_step": c.next_step,
                "next_step_response": c.next_step_response,
                "answers": [
                    {"question": a.question.prompt, "purpose": a.question.purpose, "text": a.text}
                    for a in c.answers.all()
                ],
                # Theirs only: in a small group, the others' quotes are the others' words.
                "quotes": [
                    {"text": q.text, "consent": q.consent}
                    for q in c.quotes.all()
                    if q.person_id == person.pk or (q.person_id is None and alone)
                ],
            }
        )
    return found


def _themes(person: Person) -> list[dict]:
    assignments = ThemeAssignment.objects.filter(
        conversation__participants__person=person
    ).select_related("theme", "subtheme", "campaign")
    return [
        {
            "conversation": str(a.conversation_id),
            "campaign": a.campaign.name,
            "theme": a.theme.title if a.theme else None,
            "theme_label": a.theme.label if a.theme else None,
            "theme_name": a.theme.name if a.theme else None,
            "subtheme": a.subtheme.title if a.subtheme else None,
            "placed_by_organizer": a.by_organizer,
        }
        for a in assignments
    ]


# ---------------------------------------------------------------------------------------------
# Erasure


@dataclass
class Erasure:
    """What an erasure removed (counted before), the campaigns it touched, and those of them
    whose themes are queued to be worked out again."""

    person_id: int
    counts: dict[str, int | bool]
    campaign_ids: list[int] = field(default_factory=list)
    rethemed_campaign_ids: list[int] = field(default_factory=list)


def erase_person(*, by: Membership | None, person: Person) -> Erasure:
    """Remove a person and everything Heard holds about them, in one transaction:

    - conversations they alone took part in, whole (answers, quotes, commitments, leader
      signals, theme assignment); in group conversations, their participation, quotes,
      commitments and leader signals (the others' answers and quotes stay);
    - their ties (both directions), consents, sign-ups, the places they were recorded going to
      (third spaces' regulars), and their household if it is left empty;
    - the cached vectors of notes that went or changed, the theme highlights that pointed at
      removed quotes and answers, theme sizes, and theme labels and phrases only their words held;
    - the admin's change log about those rows, and the audit events about them: one event
      "person #<id> erased by <member>" is all the log keeps.

    After commit, each affected campaign that has themes is queued for a re-run (labels and
    phrases are remade without their words), and SQLite's write-ahead log is emptied into the
    database file, whose freed pages `secure_delete` has overwritten.
    """
    check_may_handle(by, person)
    with transaction.atomic():
        with audit.audit_paused():
            _overwrite_freed_pages()
            person = Person.objects.select_related("household").get(pk=person.pk)
            pk, organization_id = person.pk, person.organization_id
            counts = holdings_of(person)
            alone, shared = conversations_of(person)
            campaign_ids = sorted(
                set(
                    Conversation.objects.filter(pk__in=alone + shared).values_list(
                        "campaign_id", flat=True
                    )
                )
            )
            going = _rows_going(person, alone)
            words = _their_words(person, alone)
            hashes_before = _note_hashes(alone + shared)

            Conversation.objects.filter(pk__in=alone).delete()
            household = person.household
            person.delete()
            if household is not None and not household.members.exists():
                going["people.household"] = {str(household.pk)}
                household.delete()

            _forget_vectors(hashes_before, alone, shared)
            _clean_themes(campaign_ids, going, words)
            _forget_admin_log(going, name=person.name)
            _forget_audit_events(pk, going)
        audit.record(
            Action.ERASED,
            **_actor(by),
            organization_id=organization_id,
            kind="people.person",
            object_id=pk,
            detail=f"person #{pk} erased by {_name_of(by)}",
        )
        # A campaign never themed has no labels or phrases to remake.
        rethemed = list(
            Campaign.objects.filter(pk__in=campaign_ids, themes__isnull=False)
            .distinct()
            .values_list("pk", flat=True)
        )
        transaction.on_commit(partial(_after_erasure, rethemed))
    return Erasure(
        person_id=pk, counts=counts, campaign_ids=campaign_ids, rethemed_campaign_ids=rethemed
    )


def _overwrite_freed_pages() -> None:
    # SQLite otherwise leaves deleted rows' bytes in free pages of the file until reused.
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete=ON")


def _rows_going(person: Person, alone: list) -> dict[str, set[str]]:
    """Every row the erasure removes, by kind: whatever the admin and audit logs say about them
    goes too."""
    in_alone = Q(conversation_id__in=alone)
    theirs = Q(person=person)

    def ids(queryset) -> set[str]:
        return {str(pk) for pk in queryset.values_list("pk", flat=True)}

    return {
        "people.person": {str(person.pk)},
        "conversations.conversation": {str(pk) for pk in alone},
        "conversations.participant": ids(Participant.objects.filter(theirs | in_alone)),
        "conversations.answer": ids(Answer.objects.filter(in_alone)),
        "conversations.quote": ids(Quote.objects.filter(theirs | in_alone)),
        "commitments.commitment": ids(Commitment.objects.filter(theirs | in_alone)),
        "leadership.assessment": ids(Assessment.objects.filter(theirs | in_alone)),
        "themes.themeassignment": ids(ThemeAssignment.objects.filter(in_alone)),
        "people.relationship": ids(Relationship.objects.filter(theirs | Q(other=person))),
        "people.consent": ids(Consent.objects.filter(theirs)),
        "campaigns.signup": ids(SignUp.objects.filter(theirs)),
        "spaces.regular": ids(Regular.objects.filter(theirs)),
    }


def _their_words(person: Person, alone: list) -> list[str]:
    answers = Answer.objects.filter(conversation_id__in=alone).values_list("text", flat=True)
    quotes = Quote.objects.filter(Q(person=person) | Q(conversation_id__in=alone)).values_list(
        "text", flat=True
    )
    return [text for text in [*answers, *quotes] if text.strip()]


def _note_hashes(conversation_ids: list) -> dict[Any, set[str]]:
    """Each conversation's note hashes: as the themes code computes them now, and as its theme
    assignment recorded them when it was embedded."""
    found: dict[Any, set[str]] = {cid: set() for cid in conversation_ids}
    for note in notes_for_conversations(conversation_ids):
        found[note.conversation_id].add(note.sha256)
    assigned = ThemeAssignment.objects.filter(conversation_id__in=conversation_ids)
    for cid, digest in assigned.values_list("conversation_id", "note_sha256"):
        if digest:
            found[cid].add(digest)
    return found


def _forget_vectors(before: dict[Any, set[str]], alone: list, shared: list) -> None:
    """Delete the cached vectors of notes that went (their conversations) or changed (a group
    conversation whose note was their quote), unless another conversation's note is the same
    text."""
    now = {note.conversation_id: note.sha256 for note in notes_for_conversations(shared)}
    changed = [cid for cid in shared if before[cid] - {now.get(cid)}]
    stale = set().union(*(before[cid] for cid in alone), *(before[cid] for cid in changed))
    for cid in changed:
        assignment = ThemeAssignment.objects.filter(conversation_id=cid)
        if cid in now:
            assignment.update(note_sha256=now[cid])
        else:
            assignment.delete()  # it has nothing left to group: its place was their words
    stale -= set(now.values())
    still_used = set(
        ThemeAssignment.objects.filter(note_sha256__in=stale).values_list("note_sha256", flat=True)
    )
    DatabaseEmbeddingCache().delete_texts(sorted(stale - still_used))


def _clean_themes(campaign_ids: list[int], going: dict[str, set[str]], words: list[str]) -> None:
    """Theme highlights lose the removed quotes and answers; labels, keywords and why/hope
    phrases that only their words held are dropped until the re-run names the theme again;
    sizes are counted again."""
    quotes = {int(pk) for pk in going["conversations.quote"]}
    answers = {int(pk) for pk in going["conversations.answer"]}
    removed = {"quotes": quotes, "why": answers, "hope": answers}
    erased = "\n\x00\n".join(text.casefold() for text in words)
    for campaign in Campaign.objects.filter(pk__in=campaign_ids):
        remaining: str | None = None

        def only_theirs(phrase, campaign=campaign) -> bool:
            nonlocal remaining
            if not isinstance(phrase, str) or not phrase.strip():
                return False
            folded = phrase.casefold()
            if folded not in erased:
                return False
            if remaining is None:
                remaining = _campaign_words(campaign)
            return folded not in remaining

        for theme in Theme.objects.filter(campaign=campaign):
            highlights = dict(theme.highlights or {})
            for key, gone in removed.items():
                if isinstance(highlights.get(key), list):
                    highlights[key] = [pk for pk in highlights[key] if pk not in gone]
            theme.highlights = highlights
            for name in ("keywords", "why_phrases", "hope_phrases"):
                setattr(theme, name, [p for p in getattr(theme, name) or [] if not only_theirs(p)])
            if only_theirs(theme.label):
                theme.label = RENAMING_LABEL
            theme.save(
                update_fields=[
                    "highlights",
                    "keywords",
                    "why_phrases",
                    "hope_phrases",
                    "label",
                    "updated_at",
                ]
            )
        _recount(campaign)


def _campaign_words(campaign: Campaign) -> str:
    answers = Answer.objects.filter(conversation__campaign=campaign).values_list("text", flat=True)
    quotes = Quote.objects.filter(conversation__campaign=campaign).values_list("text", flat=True)
    return "\n\x00\n".join(text.casefold() for text in [*answers, *quotes])


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    values = sorted(values)
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _forget_admin_log(going: dict[str, set[str]], *, name: str) -> None:
    """Django admin's change log names the rows it touched (`object_repr`): a person's name, a
    quote's first words."""
    for kind, ids in going.items():
        app_label, model = kind.split(".")
        try:
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
        except ContentType.DoesNotExist:
            continue
        for chunk in _chunks(ids):
            LogEntry.objects.filter(content_type=content_type, object_id__in=chunk).delete()
    if name.strip():
        LogEntry.objects.filter(object_repr__icontains=name.strip()).delete()


def _forget_audit_events(person_id: int, going: dict[str, set[str]]) -> None:
    AuditEvent.objects.filter(
        Q(person_id=person_id) | Q(object_kind="people.person", object_id=str(person_id))
    ).delete()
    for kind, ids in going.items():
        for chunk in _chunks(ids):
            AuditEvent.objects.filter(object_kind=kind, object_id__in=chunk).delete()


def _after_erasure(campaign_ids: list[int]) -> None:
    for campaign in Campaign.objects.filter(pk__in=campaign_ids):
        request_run(by=None, campaign=campaign)
    _empty_the_write_ahead_log()


def _empty_the_write_ahead_log() -> None:
    """Copy SQLite's write-ahead log into the database file and truncate it: the log still holds
    the pages as they were before the erasure. Best effort: the erasure is committed already,
    and a reader holding the log open only delays this until SQLite's next checkpoint."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except OperationalError as error:
        logger.warning("The write-ahead log was not emptied after an erasure: %s", error)
