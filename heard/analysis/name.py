"""Name stage: a short phrase for each theme, taken from what its notes actually say.

An organizer names a theme by the problem, in a few words ("Buses too infrequent to reach
work"); the notes usually hold that phrase already, in a clause of one of the theme's most
typical notes. So the stage weighs the theme's words by class-based TF-IDF (as in BERTopic: a
word weighs more when the theme's notes use it often and the other themes rarely do), reads the
clauses of the theme's most central notes, and takes the span of 3-8 words (see
``heard.analysis.phrases``) that

- covers the theme's heaviest words, each further word counting less than the one before, so
  a phrase holding the top two or three beats one that strings many lesser ones together;
- holds a word many of the theme's notes share, and words that occur together in many notes;
- comes from a central note, or is said in several;
- reads as said: a whole clause, or one cut where a new phrase begins, not "poorest in society
  hardest", "allows the people" or "school | uniforms".

Words that cannot tell the themes apart weigh nothing: those nearly as common in the other
themes, those in most of all the notes (the campaign's own topic: every theme of a housing
campaign says "rent"), and words so general they say nothing ("people", "need", "make").
The ranked terms (words and word pairs) are kept beside the label as the theme's keywords.

Labels never hold a month, a weekday or a person's name, never repeat another theme's label
(``taken``), and a sub-theme's label leaves out its parent's words (``avoid``). When a theme
mixes English and Spanish notes, its label comes from the notes in ``language``.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from heard.analysis.lexical import is_content_word, terms, words
from heard.analysis.phrases import (
    CALENDAR_WORDS,
    CLAUSE,
    GENERIC_WORDS,
    INSIDE,
    PHRASE,
    Span,
    Token,
    allowed_in_label,
    clauses,
    guess_language,
    headline,
    known_words,
    spans,
    stem,
)

#: What joined the terms of a label when labels were lists of terms ("rent · repairs"). Labels
#: are phrases now; kept so older callers that split on it still get the whole label back.
SEPARATOR = " · "

#: Words in more than this share of the notes named together (and of those outside the theme
#: that uses them most) are their common topic.
TOPIC_SHARE = 0.4
#: Another theme uses a word "alike" when at least this share as many of its notes do.
ALIKE = 0.33

_GENERIC = frozenset(stem(word) for word in GENERIC_WORDS)


@dataclass(frozen=True)
class ThemeName:
    """A theme's label and the ranked terms it was made from."""

    label: str
    keywords: list[str]


@dataclass(frozen=True)
class CtfidfNamer:
    """The default name stage (see the module docstring)."""

    keywords_kept: int = 8
    #: A term must appear in at least this many notes of the theme to rank as a keyword.
    min_notes: int = 2
    #: Labels are this many words long (fewer only when the notes have nothing longer).
    shortest: int = 3
    longest: int = 8
    #: Only the clauses of this many of the theme's most central notes are read.
    pool: int = 30
    #: Each further word of a phrase counts this much less than the one before (best first).
    decay: float = 0.7
    #: Each word past ``compact`` costs this share of a phrase's score.
    compact: int = 5
    length_cost: float = 0.05
    #: A phrase should hold a word used by at least this share of the theme's notes; one that
    #: holds none keeps this factor of its score.
    anchor_share: float = 0.2
    unanchored: float = 0.3
    #: Score factors for where a phrase starts and ends within its clause (see ``Span``), for
    #: each run of content words it cuts, and for each number it holds.
    starts_after_join: float = 0.9
    starts_inside: float = 0.15
    ends_before_phrase: float = 0.85
    ends_inside: float = 0.35
    cut: float = 0.6
    number: float = 0.8
    #: A mixed theme is labelled in ``language`` when at least this share of its notes are
    #: (of its ``language_sample`` most central notes).
    language_share: float = 0.2
    language_sample: int = 500

    def name(
        self,
        texts: Sequence[str],
        labels: np.ndarray,
        *,
        avoid: Iterable[str] = (),
        taken: set[str] | None = None,
        note_terms: Sequence[set[str]] | None = None,
        closeness: np.ndarray | None = None,
        language: str = "en",
    ) -> dict[int, ThemeName]:
        """Name every theme (label >= 0) from its notes' texts.

        ``avoid``: words (or phrases) that must not appear: a sub-theme does not repeat its
        parent's label. ``taken``: labels already in use; new labels are added to it, and none
        repeats one (or only shortens or lengthens it). ``note_terms``: each text's
        ``set(terms(text))`` when the caller has them already (``find_themes`` names themes and
        then sub-themes from the same notes). ``closeness``: each note's similarity to its
        theme's centre (higher is more central); without it, a note is central when it uses
        many of the theme's weightiest words. ``language``: "en" or "es", the language a theme
        that mixes both is labelled in.
        """
        taken = taken if taken is not None else set()
        avoided = {stem(word) for phrase in avoid for word in words(phrase)}
        if note_terms is None:
            note_terms = note_term_sets(texts)
        elif len(note_terms) != len(texts):
            raise ValueError(f"{len(note_terms)} term sets for {len(texts)} notes")
        if closeness is not None and len(closeness) != len(texts):
            raise ValueError(f"{len(closeness)} closeness values for {len(texts)} notes")
        labels = np.asarray(labels)
        themes = sorted({int(label) for label in labels if label >= 0})
        sizes = Counter(int(label) for label in labels if label >= 0)
        keywords = self._keywords(note_terms, labels, themes, sizes, avoided)
        note_stems = [{stem(term) for term in found if " " not in term} for found in note_terms]
        weights, shares = _word_weights(note_stems, labels, themes, sizes)
        known = known_words(texts)
        names: dict[int, ThemeName] = {}
        for theme in sorted(themes, key=lambda t: (-sizes[t], t)):
            members = np.flatnonzero(labels == theme)
            theme_weights = {
                word: weight
                for word, weight in weights[theme].items()
                if word not in avoided and word not in CALENDAR_WORDS
            }
            pool = self._pool(
                texts,
                members,
                note_stems,
                theme_weights,
                None if closeness is None else np.asarray(closeness)[members],
                language,
            )
            candidates = self._candidates(
                texts, pool, members, note_stems, theme_weights, shares[theme], known
            )
            label = (
                _first_free([span for span in candidates if not avoided & _stems(span)], taken)
                or self._listing(keywords[theme], known, taken, _pool_language(texts, pool))
                # Nothing without the parent's words: a phrase with them says more than a number.
                or _first_free(candidates, taken)
                or _numbered(f"theme {theme + 1}", taken)
            )
            taken.add(label)
            names[theme] = ThemeName(label=label, keywords=keywords[theme][: self.keywords_kept])
        return names

    def keywords(self, texts: Sequence[str], labels: np.ndarray) -> dict[int, list[str]]:
        """Each theme's ranked terms alone, without a label: no phrase is read, so summing up
        the why and hope answers of every theme costs little."""
        labels = np.asarray(labels)
        themes = sorted({int(label) for label in labels if label >= 0})
        sizes = Counter(int(label) for label in labels if label >= 0)
        ranked = self._keywords(note_term_sets(texts), labels, themes, sizes, set())
        return {theme: ranked[theme][: self.keywords_kept] for theme in themes}

    def _keywords(
        self,
        note_terms: Sequence[set[str]],
        labels: np.ndarray,
        themes: list[int],
        sizes: Counter[int],
        avoided: set[str],
    ) -> dict[int, list[str]]:
        """Each theme's terms (words and word pairs), by class-based TF-IDF, best first."""
        per_theme: dict[int, Counter[str]] = {theme: Counter() for theme in themes}
        everywhere: Counter[str] = Counter()
        for found, label in zip(note_terms, labels, strict=True):
            if label >= 0:
                per_theme[int(label)].update(found)
            everywhere.update(found)
        average = max(1.0, sum(everywhere.values()) / max(1, len(themes)))
        ranked: dict[int, list[str]] = {}
        for theme in themes:
            counts = per_theme[theme]
            allowed = [term for term in counts if not avoided.intersection(map(stem, term.split()))]
            shared = [term for term in allowed if counts[term] >= self.min_notes]
            # A theme whose notes share no word is still described, by words only one note used.
            scores = {
                term: (counts[term] / sizes[theme]) * math.log(1 + average / everywhere[term])
                for term in (shared or allowed)
            }
            ranked[theme] = sorted(scores, key=lambda term: (-scores[term], term))
        return ranked

    def _pool(
        self,
        texts: Sequence[str],
        members: np.ndarray,
        note_stems: Sequence[set[str]],
        weights: dict[str, float],
        closeness: np.ndarray | None,
        language: str,
    ) -> list[tuple[int, float]]:
        """The theme's most central notes in the label's language, most central first, each
        with a weight from 1 (the most central) down towards 0.5."""
        if closeness is None:
            centrality = [
                sum(weights.get(word, 0.0) for word in note_stems[int(member)])
                / math.sqrt(max(1, len(note_stems[int(member)])))
                for member in members
            ]
        else:
            centrality = [float(value) for value in closeness]
        order = sorted(
            (position for position, member in enumerate(members) if texts[int(member)].strip()),
            key=lambda position: (-centrality[position], position),
        )
        # The theme's languages, as its most central notes show them (enough to tell a mix).
        languages = {
            position: guess_language(texts[int(members[position])])
            for position in order[: self.language_sample]
        }
        known = Counter(found for found in languages.values() if found is not None)
        chosen: str | None = None
        if known[language] and known[language] >= self.language_share * known.total():
            chosen = language
        elif known:
            chosen = max(sorted(known), key=lambda found: known[found])
        pool: list[int] = []
        for position in order:
            found = languages.get(position) or guess_language(texts[int(members[position])])
            if found in (chosen, None):
                pool.append(int(members[position]))
                if len(pool) == self.pool:
                    break
        return [(member, 1.0 - 0.5 * rank / len(pool)) for rank, member in enumerate(pool)]

    def _candidates(
        self,
        texts: Sequence[str],
        pool: list[tuple[int, float]],
        members: np.ndarray,
        note_stems: Sequence[set[str]],
        weights: dict[str, float],
        shares: dict[str, float],
        known: set[str],
    ) -> list[Span]:
        """Spans of the pool's clauses, best first. A span said in several notes is counted
        once, at its best, with a bonus for each further note."""
        top = max(weights.values(), default=0.0)
        if top <= 0:
            return []
        best: dict[str, tuple[float, Span]] = {}
        notes_saying: Counter[str] = Counter()
        for note, centrality in pool:
            seen: set[str] = set()
            for clause in clauses(texts[note]):
                for span in self._spans(clause):
                    if not allowed_in_label(span, known):
                        continue
                    score = self._score(span, weights, top) * centrality
                    if score <= 0:
                        continue
                    if span.key not in seen:
                        seen.add(span.key)
                        notes_saying[span.key] += 1
                    if span.key not in best or score > best[span.key][0]:
                        best[span.key] = (score, span)
        # A phrase is shared when many notes use its two weightiest words together.
        best_two = {
            key: sorted(_stems(span), key=lambda word: (-weights.get(word, 0.0), word))[:2]
            for key, (_, span) in best.items()
        }
        support = _Support(
            [note_stems[int(member)] for member in members],
            {word for found in best_two.values() for word in found},
        )
        # Words many of the theme's notes use: a label should hold at least one of them.
        anchors = {
            word
            for word, share in shares.items()
            if share >= self.anchor_share and weights.get(word, 0.0) > 0
        }
        ranked = []
        for key, (score, span) in best.items():
            score *= 0.5 + support.together(best_two[key])
            score *= 1.0 + 0.25 * math.log(notes_saying[key])
            if anchors and not anchors & _stems(span):
                score *= self.unanchored
            ranked.append((score, span))
        ranked.sort(key=lambda pair: (-pair[0], pair[1].key))
        return [span for _, span in ranked]

    def _spans(self, clause: list[Token]) -> list[Span]:
        """The clause's spans, and the clause whole in headline form when only that fits."""
        return _clause_spans(tuple(clause), self.shortest, self.longest)

    def _score(self, span: Span, weights: dict[str, float], top: float) -> float:
        """How well a span alone names the theme: its words' weights with diminishing
        returns, less for length, cuts, numbers, and for starting or ending mid-phrase."""
        found = sorted((weights.get(word, 0.0) / top for word in _stems(span)), reverse=True)
        score = sum(weight * self.decay**rank for rank, weight in enumerate(found))
        score /= 1 + self.length_cost * max(0, len(span.tokens) - self.compact)
        score *= self.number ** sum(token.is_number for token in span.tokens)
        score *= self.cut**span.cuts
        score *= {CLAUSE: 1.0, PHRASE: self.starts_after_join, INSIDE: self.starts_inside}[
            span.starts
        ]
        return (
            score
            * {CLAUSE: 1.0, PHRASE: self.ends_before_phrase, INSIDE: self.ends_inside}[span.ends]
        )

    def _listing(
        self, keywords: list[str], known: set[str], taken: set[str], language: str | None
    ) -> str:
        """The best few keywords as a list ("Rent, repairs and mould"), for themes whose notes
        hold no phrase to take (single words, lists)."""
        chosen: list[str] = []
        used: set[str] = set()
        for term in keywords:
            parts = term.split()
            if used.intersection(parts) or not all(
                part in known and part not in CALENDAR_WORDS for part in parts
            ):
                continue
            chosen.append(term)
            used.update(parts)
            if len(used) >= self.shortest:
                break
        if not chosen:
            return ""
        joiner = " y " if language == "es" else " and "
        label = chosen[0] if len(chosen) == 1 else ", ".join(chosen[:-1]) + joiner + chosen[-1]
        return _numbered(_capitalised(label), taken)


def note_term_sets(texts: Sequence[str]) -> list[set[str]]:
    """The terms of each note, as the name stage counts them (once per note)."""
    return [set(terms(text)) for text in texts]


def name_themes(
    texts: Sequence[str],
    labels: np.ndarray,
    *,
    avoid: Iterable[str] = (),
    taken: set[str] | None = None,
    closeness: np.ndarray | None = None,
    language: str = "en",
) -> dict[int, ThemeName]:
    """Name themes with the default settings; see :class:`CtfidfNamer`."""
    return CtfidfNamer().name(
        texts, labels, avoid=avoid, taken=taken, closeness=closeness, language=language
    )


def _pool_language(texts: Sequence[str], pool: list[tuple[int, float]]) -> str | None:
    """The language most of the pool's notes are in (None when it cannot be told)."""
    found = Counter(language for note, _ in pool if (language := guess_language(texts[note])))
    return max(sorted(found), key=lambda language: found[language]) if found else None


# A clause is read for its theme's label and again for its sub-theme's: cut it into spans once.
@functools.lru_cache(maxsize=1 << 14)
def _clause_spans(clause: tuple[Token, ...], shortest: int, longest: int) -> list[Span]:
    found = spans(clause, shortest=shortest, longest=longest)
    if len(clause) > longest and len(short := headline(clause)) <= longest:
        found += [
            span
            for span in spans(short, shortest=shortest, longest=longest)
            if span.starts == CLAUSE and span.ends == CLAUSE
        ]
    return found


class _Support:
    """Which of a theme's notes use the words that matter to its candidate phrases."""

    def __init__(self, stems: Sequence[set[str]], words: set[str]) -> None:
        self.size = max(1, len(stems))
        self.notes: dict[str, set[int]] = {word: set() for word in words}
        for index, found in enumerate(stems):
            for word in found & words:
                self.notes[word].add(index)

    def together(self, words: list[str]) -> float:
        """The share of the theme's notes using all these words."""
        if not words:
            return 0.0
        return len(set.intersection(*(self.notes[word] for word in words))) / self.size


def _word_weights(
    note_stems: Sequence[set[str]], labels: np.ndarray, themes: list[int], sizes: Counter[int]
) -> tuple[dict[int, dict[str, float]], dict[int, dict[str, float]]]:
    """Each theme's words (plural-folded) by class-based TF-IDF, times how much they set the
    theme apart: 1 - (share of the other notes using the word) / (share of the theme's), and
    less again for each other theme that uses it alike. Generic words weigh nothing, and so
    does the notes' common topic: words in most of the notes, and in most of them still when
    the theme that uses them most is left out. Also each theme's share of notes using each
    word."""
    per_theme: dict[int, Counter[str]] = {theme: Counter() for theme in themes}
    everywhere: Counter[str] = Counter()
    for found, label in zip(note_stems, labels, strict=True):
        if label >= 0:
            per_theme[int(label)].update(found)
        everywhere.update(found)
    total = len(note_stems)
    average = max(1.0, sum(everywhere.values()) / max(1, len(themes)))
    shares: dict[int, dict[str, float]] = {}
    across: dict[str, list[float]] = {}  # each word's shares in the themes using it
    most: dict[str, int] = {}  # the theme using each word in the most notes
    for theme in themes:
        shares[theme] = {}
        for word, count in per_theme[theme].items():
            shares[theme][word] = count / sizes[theme]
            across.setdefault(word, []).append(count / sizes[theme])
            if word not in most or count > per_theme[most[word]][word]:
                most[word] = theme
    for theme_shares in across.values():
        theme_shares.sort()
    silent = set(_GENERIC)
    for word, count in everywhere.items():
        # The topic is what most notes say even leaving out the theme that says it most.
        outside = total - sizes[most[word]] if word in most else 0
        elsewhere = count - per_theme[most[word]][word] if word in most else count
        if count > TOPIC_SHARE * total and outside and elsewhere > TOPIC_SHARE * outside:
            silent.add(word)
    weights: dict[int, dict[str, float]] = {}
    for theme in themes:
        rest = total - sizes[theme]
        weights[theme] = {}
        for word, count in per_theme[theme].items():
            share = shares[theme][word]
            apart = 0.0 if word in silent else 1.0
            if rest:
                apart *= max(0.0, 1.0 - (everywhere[word] - count) / rest / share)
            if len(themes) > 1:
                # Other themes whose share is at least ALIKE of this one's (itself left out).
                using = across[word]
                alike = len(using) - bisect.bisect_left(using, ALIKE * share) - 1
                apart *= 1.0 - alike / (len(themes) - 1)
            weights[theme][word] = share * math.log(1 + average / everywhere[word]) * apart
    return weights, shares


def _stems(span: Span) -> frozenset[str]:
    return span.stems


def _label_stems(label: str) -> frozenset[str]:
    return frozenset(stem(word) for word in words(label) if is_content_word(word))


def _first_free(candidates: Iterable[Span], taken: set[str]) -> str:
    """The first candidate that neither is, nor only shortens or lengthens, a taken label."""
    in_use = [_label_stems(label) for label in taken]
    for span in candidates:
        found = frozenset(_stems(span))
        if not any(found <= used or used <= found for used in in_use if used):
            return _capitalised(span.text)
    return ""


def _capitalised(label: str) -> str:
    return label[:1].upper() + label[1:]


def _numbered(label: str, taken: set[str]) -> str:
    """The label, or "label (2)", "label (3)" ... when it is taken already."""
    in_use = {found.casefold() for found in taken}
    numbered, number = label, 2
    while numbered.casefold() in in_use:
        numbered, number = f"{label} ({number})", number + 1
    return numbered
