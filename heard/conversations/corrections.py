"""Correcting a saved conversation, with a history of who changed what and when.

Whoever held a conversation, and the organization's organizers and administrators
(`queries.may_correct`), may correct its date, venue, place, language (its quotes recorded in
it follow), next step and the answer to it, each guide answer (add, rewrite, clear), and each
quote's words and consent, or remove a quote.
Who was there and the campaign are not corrected here (record the conversation again);
commitments and leader signals have their own pages.

`correct_conversation` applies a correction in one transaction and writes one
`ConversationChange` row when something changed. PRIVACY DECISION: the history keeps the values
before and after for the date, venue, place, next step and a quote's consent, but for words
(answers, quotes) only THAT they changed, never the old or new text: a correction is often "I
didn't say that", and the history must not keep what the person asked us to drop, nor hold
anything of an erased person's words (see `models.ConversationChange`).

Themes hear of a correction through `conversation_corrected`, sent after the commit: capture
knows nothing of themes, which sit above it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import dateformat, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from heard.accounts.models import Membership
from heard.campaigns.languages import name_of
from heard.people import consent
from heard.people.models import Place

from .models import (
    MAX_TEXT,
    Answer,
    Conversation,
    ConversationChange,
    NextStep,
    Quote,
    Response,
    Venue,
)
from .queries import may_correct
from .services import date_problem

#: Sent after the commit of a correction that changed what was heard or what may be shared:
#: `conversation_id`, `notes_changed` (an answer or a quote's words were added, rewritten,
#: cleared or removed), `consent_changed` (a quote's consent changed, or a quote was removed).
conversation_corrected = Signal()

QUOTE_LIMIT = Quote._meta.get_field("text").max_length
NO_NOTES = gettext_lazy(
    "Everyone in this conversation said no to notes being kept: no answers or quotes can be "
    "added to it."
)
NEEDS_ANSWER = gettext_lazy("Did they say yes, maybe or no?")
CORRECTED_MEANWHILE = gettext_lazy(
    "Someone else corrected this conversation while you had it open: its history on the "
    "conversation's page says what they changed. Nothing of yours is saved yet: check your "
    "changes, then save again."
)
#: The history's fixed words, written in English and said in the reader's language by
#: `ConversationChange.lines` (models.py).
HISTORY_WORDS = (
    gettext_noop("Date"),
    gettext_noop("Neighbourhood / turf"),
    gettext_noop("Venue"),
    gettext_noop("Next step"),
    gettext_noop("Their answer to the next step"),
    gettext_noop("Language"),
    gettext_noop("added"),
    gettext_noop("cleared"),
    gettext_noop("rewritten"),
    gettext_noop("removed"),
)


@dataclass(frozen=True)
class QuoteFix:
    """What a quote should say and who may read it, or that it goes."""

    text: str
    consent: str
    remove: bool = False


@dataclass
class Correction:
    """A conversation as it should be. Answers and quotes not named are left as they are; an
    answer of "" is cleared."""

    held_on: dt.date
    venue: str
    place: Place | None
    next_step: str
    next_step_response: str
    answers: dict[int, str] = field(default_factory=dict)  # guide question id -> text
    quotes: dict[int, QuoteFix] = field(default_factory=dict)  # quote id -> fix
    #: The language it was held in (one of the campaign's, or the one it was recorded in);
    #: None leaves it as it is.
    language: str | None = None
    #: The newest history row when the correction page was opened (0: none; None: not checked):
    #: a correction made meanwhile by someone else is not overwritten unseen.
    based_on: int | None = None


def quotes_to_correct(by: Membership, conversation: Conversation) -> list[Quote]:
    """The quotes this member may correct: those they may read (a quote "not to be shared" is
    the recorder's and the administrators'), oldest first. The page and the history number them
    in this order ("Quote 2"), so nobody is told of a quote they may not read."""
    return list(
        conversation.quotes.filter(consent.quotes_seen_by(by))
        .select_related("person")
        .order_by("id")
    )


def notes_kept(conversation: Conversation) -> bool:
    """False when everyone in the conversation said no to notes being kept."""
    return consent.notes_may_be_kept(p.person for p in conversation.participants.all())


def newest_change(conversation: Conversation) -> int:
    """The id of the conversation's newest history row (0 when it was never corrected)."""
    return conversation.changes.values_list("id", flat=True).order_by("-id").first() or 0


def as_it_is(
    by: Membership, conversation: Conversation, quotes: list[Quote] | None = None
) -> Correction:
    """The correction that changes nothing: where the correction page starts. `quotes`:
    `quotes_to_correct(by, conversation)` when the caller has already read them."""
    if quotes is None:
        quotes = quotes_to_correct(by, conversation)
    return Correction(
        based_on=newest_change(conversation),
        held_on=conversation.held_on,
        venue=conversation.venue,
        place=conversation.place,
        next_step=conversation.next_step,
        next_step_response=conversation.next_step_response,
        language=conversation.language,
        answers={a.question_id: a.text for a in conversation.answers.all()},
        quotes={q.pk: QuoteFix(text=q.text, consent=q.consent) for q in quotes},
    )


def check_correction(*, by: Membership, conversation: Conversation, correction: Correction):
    """Refuse what must never be stored, whoever calls: the same rules as at capture (the date,
    a next step needs its answer), the consent rules, and only this campaign's guide and the
    quotes this member may read. Errors are keyed by the correction page's field names."""
    errors: dict[str, list[str]] = {}

    def refuse(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    problem = date_problem(conversation.campaign, correction.held_on)
    if problem:
        refuse("held_on", problem)
    if correction.venue not in Venue.values:
        refuse("venue", _("Choose a venue."))
    if correction.place and correction.place.organization_id != by.organization_id:
        refuse("place", _("Unknown place."))
    if correction.next_step not in NextStep.values:
        refuse("next_step", _("Unknown next step."))
    if correction.next_step_response not in Response.values:
        refuse("next_step_response", _("Unknown answer."))
    elif correction.next_step and correction.next_step_response == Response.NOT_ASKED:
        refuse("next_step_response", NEEDS_ANSWER)
    if correction.language not in (None, conversation.language) and not (
        conversation.campaign.listens_in(correction.language)
    ):
        refuse("language", _("Choose one of the campaign's languages."))
    questions = set(conversation.campaign.questions.values_list("id", flat=True))
    if set(correction.answers) - questions:
        refuse("__all__", _("An answer belongs to another campaign's guide."))
    keep = notes_kept(conversation)
    for question_id, text in correction.answers.items():
        if len(text.strip()) > MAX_TEXT:
            refuse(f"answer_{question_id}", keep_under(MAX_TEXT))
        elif text.strip() and not keep:
            refuse(f"answer_{question_id}", NO_NOTES)
    readable = {q.pk for q in quotes_to_correct(by, conversation)}
    if set(correction.quotes) - readable:
        refuse("__all__", _("Unknown quote."))
    for pk, fix in correction.quotes.items():
        if fix.remove:
            continue
        if not fix.text.strip():
            refuse(f"quote_{pk}_text", _("Write their words, or tick “Remove this quote”."))
        elif len(fix.text.strip()) > QUOTE_LIMIT:
            refuse(f"quote_{pk}_text", keep_under(QUOTE_LIMIT))
        if fix.consent not in Quote.Consent.values:
            refuse(f"quote_{pk}_consent", _("Choose who may read it."))
    if errors:
        raise ValidationError(errors)


def correct_conversation(
    *, by: Membership, conversation: Conversation, correction: Correction
) -> ConversationChange | None:
    """Apply a correction, all or nothing, and write one history row saying who changed what
    (words: only that they changed). Returns the row, or None when nothing changed."""
    if not may_correct(by, conversation):
        raise PermissionDenied("Only whoever held the conversation, or an organizer, corrects it.")
    check_correction(by=by, conversation=conversation, correction=correction)
    with transaction.atomic():
        # Two corrections at once are applied one after the other, each against what is stored.
        # (Only its own row: PostgreSQL locks no row of an outer join, the place may be none.)
        conversation = (
            Conversation.objects.select_for_update(of=("self",))
            .select_related("campaign", "place")
            .get(pk=conversation.pk)
        )
        if correction.based_on is not None and correction.based_on != newest_change(conversation):
            raise ValidationError({"__all__": [CORRECTED_MEANWHILE]})
        # The history is written in English whatever the corrector reads (see HISTORY_WORDS).
        with translation.override("en"):
            answers = _correct_answers(conversation, correction.answers)
            quotes, quote_words, shared = _correct_quotes(by, conversation, correction.quotes)
            changes = _correct_details(conversation, correction) + answers + quotes
        if not changes:
            return None
        row = ConversationChange.objects.create(
            conversation=conversation, changed_by=by.user, changes=changes
        )
        if answers or quote_words or shared:
            transaction.on_commit(
                partial(
                    conversation_corrected.send,
                    sender=Conversation,
                    conversation_id=conversation.pk,
                    notes_changed=bool(answers or quote_words),
                    consent_changed=shared,
                )
            )
    return row


def _day(day: dt.date) -> str:
    return dateformat.format(day, "j M Y")


def _value(before, after, field_label: str) -> dict:
    # Choice labels are lazy translations: kept as the (English) words they are now.
    return {
        "field": str(field_label),
        "before": None if before is None else str(before),
        "after": None if after is None else str(after),
    }


def keep_under(limit: int) -> str:
    return _("Keep this under %(limit)s characters.") % {
        "limit": number_format(limit, force_grouping=True)
    }


def _did(field_label: str, did: str) -> dict:
    # Words are never kept in the history: only that they changed (see the module).
    return {"field": field_label, "did": did}


def _correct_details(conversation: Conversation, correction: Correction) -> list[dict]:
    changes = []
    labels = {
        "venue": dict(Venue.choices),
        "next_step": dict(NextStep.choices),
        "next_step_response": dict(Response.choices),
    }
    if correction.held_on != conversation.held_on:
        changes.append(_value(_day(conversation.held_on), _day(correction.held_on), "Date"))
        conversation.held_on = correction.held_on
    if correction.place != conversation.place:
        before = conversation.place.name if conversation.place else None
        after = correction.place.name if correction.place else None
        changes.append(_value(before, after, "Neighbourhood / turf"))
        conversation.place = correction.place
    for name, label in (
        ("venue", "Venue"),
        ("next_step", "Next step"),
        ("next_step_response", "Their answer to the next step"),
    ):
        before, after = getattr(conversation, name), getattr(correction, name)
        if before != after:
            changes.append(_value(labels[name][before], labels[name][after], label))
            setattr(conversation, name, after)
    if correction.language is not None and correction.language != conversation.language:
        before, after = conversation.language, correction.language
        changes.append(_value(name_of(before), name_of(after), "Language"))
        # Quotes recorded in the conversation's language follow it; one said in another
        # language (a group's second language) keeps its own.
        conversation.quotes.filter(language=before).update(language=after)
        conversation.language = after
    if changes:
        conversation.save(
            update_fields=[
                "held_on", "place", "venue", "next_step", "next_step_response", "language"
            ]
        )  # fmt: skip
    return changes


def _correct_answers(conversation: Conversation, answers: dict[int, str]) -> list[dict]:
    stored = {a.question_id: a for a in conversation.answers.all()}
    prompts = dict(conversation.campaign.questions.values_list("id", "prompt"))
    changes = []
    for question_id, typed in answers.items():
        text, answer = typed.strip(), stored.get(question_id)
        label = f"Answer to “{prompts[question_id]}”"
        if answer is None and text:
            Answer.objects.create(conversation=conversation, question_id=question_id, text=text)
            changes.append(_did(label, "added"))
        elif answer is not None and not text:
            answer.delete()
            changes.append(_did(label, "cleared"))
        elif answer is not None and text != answer.text:
            answer.text = text
            answer.save(update_fields=["text"])
            changes.append(_did(label, "rewritten"))
    return changes


def _correct_quotes(
    by: Membership, conversation: Conversation, fixes: dict[int, QuoteFix]
) -> tuple[list[dict], bool, bool]:
    """(the changes, whether words changed, whether what may be shared changed); a removed quote
    changes both."""
    changes: list[dict] = []
    words = shared = False
    consent_labels = dict(Quote.Consent.choices)
    for number, quote in enumerate(quotes_to_correct(by, conversation), start=1):
        fix = fixes.get(quote.pk)
        if fix is None:
            continue
        label = f"Quote {number}"
        if fix.remove:
            quote.delete()
            changes.append(_did(label, "removed"))
            words = shared = True
            continue
        changed = []
        if fix.text.strip() != quote.text:
            quote.text = fix.text.strip()
            changed.append("text")
            changes.append(_did(label, "rewritten"))
            words = True
        if fix.consent != quote.consent:
            before, after = consent_labels[quote.consent], consent_labels[fix.consent]
            changes.append(_value(before, after, f"{label}'s consent"))
            quote.consent = fix.consent
            changed.append("consent")
            shared = True
        if changed:
            quote.save(update_fields=changed)
    return changes, words, shared
