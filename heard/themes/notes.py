"""What of a conversation is grouped into themes (its *note*), and what is read beside it.

The note is what the neighbour raised: the answers to the guide's *problem* and *issues*
questions. Free notes and "other" answers are used only when a conversation has neither, because
in practice they hold the follow-up ("house meeting: yes, after his shift"), and grouping them
makes themes of logistics instead of concerns. *Why* they care and what they *hope* for are not
mixed in either (a theme is about a concern, not about shared values) but shown beside each
theme. A conversation with none of these falls back to all its answers, then to its quotes.

A conversation whose people all said no to notes being kept has no note, whatever is stored:
the consent rules (`heard.people.consent`) are asked here, where every run, sweep and
curation gathers its notes, so the engine never sees such words.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from heard.analysis.cache import text_sha256
from heard.campaigns.models import Purpose
from heard.conversations.models import Answer, Conversation, Quote
from heard.people.consent import conversations_without_notes

NOTE_PURPOSES = frozenset({Purpose.PROBLEM, Purpose.ISSUES})
SECOND_CHOICE = frozenset({Purpose.NOTES, Purpose.OTHER})
_CHUNK = 400


@dataclass(frozen=True)
class Note:
    conversation_id: uuid.UUID
    text: str

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)


def _chunks(ids: list) -> Iterable[list]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def notes_for_campaign(campaign_id: int) -> list[Note]:
    """Every conversation of the campaign that has something to group, oldest first."""
    rows = (
        Answer.objects.filter(conversation__campaign_id=campaign_id)
        .order_by("conversation__held_on", "conversation_id", "question__position", "question_id")
        .values_list("conversation_id", "question__purpose", "text")
    )
    quotes = Quote.objects.filter(conversation__campaign_id=campaign_id).order_by(
        "conversation__held_on", "conversation_id", "id"
    )
    withheld = conversations_without_notes(Conversation.objects.filter(campaign_id=campaign_id))
    return _build(rows, quotes.values_list("conversation_id", "text"), withheld)


def notes_for_conversations(conversation_ids: list) -> list[Note]:
    """The notes of these conversations (those with nothing to group are left out)."""
    notes: list[Note] = []
    for chunk in _chunks(list(conversation_ids)):
        rows = (
            Answer.objects.filter(conversation_id__in=chunk)
            .order_by("conversation_id", "question__position", "question_id")
            .values_list("conversation_id", "question__purpose", "text")
        )
        quotes = Quote.objects.filter(conversation_id__in=chunk).order_by("conversation_id", "id")
        withheld = conversations_without_notes(Conversation.objects.filter(pk__in=chunk))
        notes += _build(rows, quotes.values_list("conversation_id", "text"), withheld)
    return notes


def _build(answer_rows, quote_rows, withheld: set) -> list[Note]:
    chosen: dict[uuid.UUID, list[str]] = {}
    second: dict[uuid.UUID, list[str]] = {}
    every: dict[uuid.UUID, list[str]] = {}
    for conversation_id, purpose, text in answer_rows:
        text = text.strip()
        if not text or conversation_id in withheld:
            continue
        every.setdefault(conversation_id, []).append(text)
        if purpose in NOTE_PURPOSES:
            chosen.setdefault(conversation_id, []).append(text)
        elif purpose in SECOND_CHOICE:
            second.setdefault(conversation_id, []).append(text)
    quoted: dict[uuid.UUID, list[str]] = {}
    for conversation_id, text in quote_rows:
        if conversation_id not in every and conversation_id not in withheld and text.strip():
            quoted.setdefault(conversation_id, []).append(text.strip())
    order = list(dict.fromkeys([*every, *quoted]))
    notes = []
    for conversation_id in order:
        parts = (
            chosen.get(conversation_id)
            or second.get(conversation_id)
            or every.get(conversation_id)
            or quoted[conversation_id]
        )
        notes.append(Note(conversation_id, "\n".join(parts)))
    return notes


def answers_by_purpose(conversation_ids: Iterable, purpose: str) -> dict[uuid.UUID, str]:
    """Each conversation's answers for one purpose (why, hope, ...), joined."""
    found: dict[uuid.UUID, list[str]] = {}
    for chunk in _chunks(list(conversation_ids)):
        rows = (
            Answer.objects.filter(conversation_id__in=chunk, question__purpose=purpose)
            .order_by("conversation_id", "question__position", "question_id")
            .values_list("conversation_id", "text")
        )
        withheld = conversations_without_notes(Conversation.objects.filter(pk__in=chunk))
        for conversation_id, text in rows:
            if text.strip() and conversation_id not in withheld:
                found.setdefault(conversation_id, []).append(text.strip())
    return {key: "\n".join(parts) for key, parts in found.items()}


def answers_for_campaign(campaign_id: int, purpose: str) -> dict[uuid.UUID, str]:
    """Each conversation's answers for one purpose across a whole campaign, in one query."""
    found: dict[uuid.UUID, list[str]] = {}
    rows = (
        Answer.objects.filter(conversation__campaign_id=campaign_id, question__purpose=purpose)
        .order_by("conversation_id", "question__position", "question_id")
        .values_list("conversation_id", "text")
    )
    withheld = conversations_without_notes(Conversation.objects.filter(campaign_id=campaign_id))
    for conversation_id, text in rows:
        if text.strip() and conversation_id not in withheld:
            found.setdefault(conversation_id, []).append(text.strip())
    return {key: "\n".join(parts) for key, parts in found.items()}
