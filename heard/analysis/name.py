"""Name stage: a short label for each theme, made of the words its notes actually use.

Class-based TF-IDF (as in BERTopic): a term scores high in a theme when the theme's notes use it
often and the other themes rarely do. Terms are content words and bigrams of adjacent content
words (English and Spanish stop words removed). A label joins the best two terms with " · ",
prefers the phrase people say ("rent increases") to its lone word ("rent"), never repeats a word,
and never repeats another theme's label.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from heard.analysis.lexical import terms

SEPARATOR = " · "


@dataclass(frozen=True)
class ThemeName:
    """A theme's label and the ranked terms it was made from."""

    label: str
    keywords: list[str]


@dataclass(frozen=True)
class CtfidfNamer:
    """The default name stage (see the module docstring)."""

    terms_per_label: int = 2
    keywords_kept: int = 8
    #: A term must appear in at least this many notes of the theme to name it.
    min_notes: int = 2
    #: A bigram replaces its word when at least this share of the word's uses are in the bigram.
    phrase_share: float = 0.5

    def name(
        self,
        texts: Sequence[str],
        labels: np.ndarray,
        *,
        avoid: Iterable[str] = (),
        taken: set[str] | None = None,
        note_terms: Sequence[set[str]] | None = None,
    ) -> dict[int, ThemeName]:
        """Name every theme (label >= 0) from its notes' texts.

        ``avoid``: words that must not appear (a sub-theme does not repeat its parent's label).
        ``taken``: labels already in use; new labels are added to it so none repeats.
        ``note_terms``: each text's ``set(terms(text))`` when the caller has them already
        (``find_themes`` names themes and then sub-themes from the same notes).
        """
        taken = taken if taken is not None else set()
        avoided = {word for phrase in avoid for word in phrase.split()}
        if note_terms is None:
            note_terms = note_term_sets(texts)
        elif len(note_terms) != len(texts):
            raise ValueError(f"{len(note_terms)} term sets for {len(texts)} notes")
        themes = sorted({int(label) for label in labels if label >= 0})
        per_theme: dict[int, Counter[str]] = {theme: Counter() for theme in themes}
        outside: Counter[str] = Counter()
        for found, label in zip(note_terms, labels, strict=True):
            if label >= 0:
                per_theme[int(label)].update(found)
            outside.update(found)
        names: dict[int, ThemeName] = {}
        average = max(1.0, sum(outside.values()) / max(1, len(themes)))
        sizes = Counter(int(label) for label in labels if label >= 0)
        for theme in sorted(themes, key=lambda t: (-sizes[t], t)):
            counts = per_theme[theme]
            allowed = [term for term in counts if not avoided.intersection(term.split())]
            shared = [term for term in allowed if counts[term] >= self.min_notes]
            # A theme whose notes share no word is still named, from words only one note used.
            scores = {
                term: (counts[term] / sizes[theme]) * math.log(1 + average / outside[term])
                for term in (shared or allowed)
            }
            ranked = sorted(scores, key=lambda term: (-scores[term], term))
            label = self._label(ranked, counts, taken, theme)
            taken.add(label)
            names[theme] = ThemeName(label=label, keywords=ranked[: self.keywords_kept])
        return names

    def _label(self, ranked: list[str], counts: Counter[str], taken: set[str], theme: int) -> str:
        # Try the best terms first; on a clash with another theme's label, drop the best term
        # from the running and try again, then add a number as a last resort.
        for skip in range(min(len(ranked), 4)):
            label = self._compose(ranked[skip:], counts)
            if label and label not in taken:
                return label
        base = self._compose(ranked, counts) or f"theme {theme + 1}"
        label, number = base, 2
        while label in taken:
            label, number = f"{base} ({number})", number + 1
        return label

    def _compose(self, ranked: list[str], counts: Counter[str]) -> str:
        chosen: list[str] = []
        used: set[str] = set()
        for term in ranked:
            term = self._phrase_for(term, ranked, counts)
            if used.intersection(term.split()):
                continue
            chosen.append(term)
            used.update(term.split())
            if len(chosen) == self.terms_per_label:
                break
        return SEPARATOR.join(chosen)

    def _phrase_for(self, term: str, ranked: list[str], counts: Counter[str]) -> str:
        """The bigram people say around a lone word, when they mostly say it that way."""
        if " " in term:
            return term
        phrases = [
            candidate
            for candidate in ranked
            if " " in candidate
            and term in candidate.split()
            and counts[candidate] >= self.phrase_share * counts[term]
        ]
        return phrases[0] if phrases else term


def note_term_sets(texts: Sequence[str]) -> list[set[str]]:
    """The terms of each note, as the name stage counts them (once per note)."""
    return [set(terms(text)) for text in texts]


def name_themes(
    texts: Sequence[str],
    labels: np.ndarray,
    *,
    avoid: Iterable[str] = (),
    taken: set[str] | None = None,
) -> dict[int, ThemeName]:
    """Name themes with the default settings; see :class:`CtfidfNamer`."""
    return CtfidfNamer().name(texts, labels, avoid=avoid, taken=taken)
