"""Places found in notes: the registry's places people name in their answers, and places not in
the registry yet ("Piedmont Park", "the laundromat on Elm").

Only the answers of conversations the member may read (`conversations_for`); a conversation
whose people said no to notes keeps no answers, so consent is applied before anything here
reads them. The patterns are written by hand: a named-entity model would need weights that
cannot ship with Heard (no network, no large downloads), and the places people name follow a
few shapes: capitalised words before a kind word ("St Mark's church hall", "Piedmont Park"), and
"the <Name or kind word> on/at/by <Name>" ("the Kroger on Fifth", "the laundromat on Elm").
Registered names are matched on folded text (no case or accents), at word boundaries, by one
regular expression built once per read; all answers come in one query.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from heard.accounts.models import Membership
from heard.conversations.models import Answer, Participant
from heard.conversations.queries import conversations_for

from .kinds import Kind
from .models import ThirdSpace
from .names import KIND_WORDS, fold, fold_aligned, guess_kind, tidy
from .queries import spaces_for

SNIPPET_CHARS = 70
MAX_SNIPPETS = 20

_NAME_WORD = r"(?:St\b\.?|[A-Z][\w'’-]*)"
# Capitalised words that start a sentence or say "which", not a name.
_NOT_NAMES = {
    "the", "a", "an", "our", "my", "his", "her", "their", "your", "that", "this", "these",
    "those", "every", "in", "at", "on", "by", "near", "to", "from", "and", "but", "or", "we",
    "i", "they", "she", "he", "it", "there", "when", "sometimes", "after", "before", "old",
    "new", "local", "big", "little", "one", "el", "la", "los", "las", "nearest", "closest",
    "any", "some", "no", "each", "all", "both", "met", "went", "goes", "go", "works",
}  # fmt: skip
_KIND_ALTERNATION = "|".join(
    re.escape(word).replace(r"\ ", r"\s+") for word in sorted(KIND_WORDS, key=len, reverse=True)
)
#: "St Mark's church hall", "Piedmont Park", "Grant Street Library".
_NAME_THEN_KIND = re.compile(
    rf"\b((?:{_NAME_WORD}\s+){{1,4}})((?i:{_KIND_ALTERNATION}))\b(?!\s+(?i:hall)\b)"
    rf"|\b((?:{_NAME_WORD}\s+){{1,4}}(?i:church\s+hall))\b"
)
#: "the Kroger on Fifth", "the laundromat on Elm", "the market by Central Station".
_THE_X_ON_Y = re.compile(
    rf"\b(?i:the)\s+({_NAME_WORD}(?:\s+{_NAME_WORD})?|(?i:{_KIND_ALTERNATION}))"
    rf"\s+(on|at|by|near)\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
)


@dataclass
class Mention:
    conversation_id: object
    snippet: str


@dataclass
class Candidate:
    """A place named in notes that is not in the registry yet."""

    name: str
    kind: str
    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len({m.conversation_id for m in self.mentions})

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


@dataclass
class Found:
    """What the notes a member may read say about places."""

    by_space: dict[int, list[Mention]]
    candidates: list[Candidate]

    def count_for(self, space: ThirdSpace) -> int:
        return len({m.conversation_id for m in self.by_space.get(space.pk, [])})


def _answers(membership: Membership, conversation_ids=None):
    answers = Answer.objects.filter(conversation__in=conversations_for(membership))
    if conversation_ids is not None:
        answers = answers.filter(conversation_id__in=conversation_ids)
    # Newest conversations first (what a place's page shows first); without this the answers
    # would come in Answer's own order, by guide question, through a join for nothing.
    answers = answers.exclude(text="").order_by(
        "-conversation__held_on", "-conversation__created_at"
    )
    return answers.values_list("conversation_id", "text").iterator()


def _folded(text: str) -> str:
    # One character for one: offsets in the folded text are offsets in the original.
    return fold_aligned(text)


def _snippet(text: str, start: int, end: int) -> str:
    left = max(0, start - SNIPPET_CHARS)
    right = min(len(text), end + SNIPPET_CHARS)
    return (
        ("…" if left else "")
        + " ".join(text[left:right].split())
        + ("…" if right < len(text) else "")
    )


def _registry_pattern(spaces: list[ThirdSpace]) -> re.Pattern | None:
    keys = sorted({s.name_key for s in spaces if s.name_key}, key=len, reverse=True)
    if not keys:
        return None
    alternation = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def _candidate_name(match: re.Match) -> tuple[str, str] | None:
    """The name and kind of a place a pattern found, or None when it is no name after all."""
    if match.re is _THE_X_ON_Y:
        what, on, where = match.group(1), match.group(2), match.group(3)
        if fold(where) in _NOT_NAMES:
            return None
        kind = guess_kind(what)
        if fold(what) in _NOT_NAMES:
            return None
        name = f"{what[:1].upper()}{what[1:]} {on.lower()} {where}"
        return tidy(name), kind
    # Group 3 is "<Name> church hall"; groups 1 and 2 the name and any other kind word.
    words = (match.group(3) or match.group(1) + match.group(2)).split()
    while words and fold(words[0]) in _NOT_NAMES:
        words = words[1:]
    kind_words = set(fold(" ".join(words)).split()) & {w for k in KIND_WORDS for w in k.split()}
    if len(words) < 2 or len(words) <= len(kind_words):
        return None
    name = tidy(" ".join(words))
    return name, guess_kind(name)


def find_in_notes(membership: Membership, *, candidates: bool = True) -> Found:
    """Mentions of the registry's places in the notes the member may read, and (if asked)
    places named there that are not in the registry."""
    spaces = list(spaces_for(membership).only("pk", "name_key"))
    by_key = {s.name_key: s.pk for s in spaces}
    pattern = _registry_pattern(spaces)
    by_space: dict[int, list[Mention]] = defaultdict(list)
    found: dict[str, Candidate] = {}
    for conversation_id, text in _answers(membership):
        folded = _folded(text)
        taken: list[tuple[int, int]] = []
        if pattern is not None:
            for match in pattern.finditer(folded):
                key = " ".join(match.group(0).split())
                if key in by_key:
                    by_space[by_key[key]].append(
                        Mention(conversation_id, _snippet(text, match.start(), match.end()))
                    )
                    taken.append(match.span())
        if not candidates:
            continue
        for regex in (_THE_X_ON_Y, _NAME_THEN_KIND):
            for match in regex.finditer(text):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                named = _candidate_name(match)
                if named is None:
                    continue
                name, kind = named
                key = fold(name)
                if key in by_key:
                    continue
                candidate = found.setdefault(key, Candidate(name=name, kind=kind, key=key))
                candidate.mentions.append(
                    Mention(conversation_id, _snippet(text, match.start(), match.end()))
                )
                taken.append(match.span())
    ranked = sorted(found.values(), key=lambda c: (-c.count, c.name))
    return Found(by_space=dict(by_space), candidates=ranked)


def mentions_of(membership: Membership, space: ThirdSpace) -> list[Mention]:
    """The notes the member may read that name this place, newest conversations first."""
    pattern = _registry_pattern([space])
    if pattern is None:
        return []
    mentions = []
    for conversation_id, text in _answers(membership):
        match = pattern.search(_folded(text))
        if match:
            mentions.append(Mention(conversation_id, _snippet(text, match.start(), match.end())))
    return mentions


def people_of(mentions: list[Mention]) -> list[tuple[int, object]]:
    """(person id, conversation id) for everyone in the conversations of these mentions."""
    ids = {m.conversation_id for m in mentions}
    return list(
        Participant.objects.filter(conversation_id__in=ids).values_list(
            "person_id", "conversation_id"
        )
    )
