"""Quotes stage: three verbatim notes that show what a theme is about, without saying it thrice.

Maximal marginal relevance: the first quote is the note closest to the theme's centroid; each
next one balances closeness to the centroid against similarity to the quotes already chosen, and
near-duplicates are never chosen together. Only notes allowed by ``eligible`` are considered, so
the app can pass just the notes whose consent allows quoting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from heard.analysis.kmeans import unit_rows
from heard.analysis.lexical import words


@dataclass(frozen=True)
class MMRQuotes:
    """The default quote stage (see the module docstring)."""

    count: int = 3
    #: 0 picks purely by closeness to the centroid; 1 purely by difference from earlier picks.
    diversity: float = 0.4
    #: Two notes at least this similar say the same thing; only one is quoted.
    near_duplicate: float = 0.92
    #: Notes shorter than this are quoted only when there is nothing longer.
    min_words: int = 4
    #: Only the notes closest to the centroid are considered: quotes should be typical.
    pool: int = 200

    def pick(
        self,
        texts: Sequence[str],
        embeddings: np.ndarray,
        members: np.ndarray,
        centroid: np.ndarray,
        *,
        eligible: np.ndarray | None = None,
    ) -> list[int]:
        """Indices (into ``texts``) of up to ``count`` quotes for the theme made of ``members``."""
        members = np.asarray(members, dtype=np.int64)
        if eligible is not None:
            members = members[np.asarray(eligible, dtype=bool)[members]]
        members = np.array([m for m in members if texts[m].strip()], dtype=np.int64)
        if len(members) == 0:
            return []
        vectors = unit_rows(embeddings[members])
        relevance = vectors @ unit_rows(np.asarray(centroid)[None, :])[0]
        order = np.argsort(-relevance, kind="stable")
        # The pool: the most typical notes long enough to quote. Walking down from the most
        # typical counts the words of a few hundred notes, not of every member.
        long_enough: list[int] = []
        for position in order:
            if len(words(texts[members[position]])) >= self.min_words:
                long_enough.append(int(position))
                if len(long_enough) == self.pool:
                    break
        if len(long_enough) >= min(self.count, len(members)):
            pool = np.array(long_enough, dtype=np.int64)
        else:
            pool = order[: self.pool]
        chosen: list[int] = []
        seen_texts: set[str] = set()
        closest_to_chosen = np.full(len(pool), -np.inf)
        while len(chosen) < self.count:
            score = (1 - self.diversity) * relevance[pool] - self.diversity * np.maximum(
                closest_to_chosen, 0.0
            )
            blocked = closest_to_chosen >= self.near_duplicate
            blocked |= np.isin(pool, chosen)
            score = np.where(blocked, -np.inf, score)
            if not np.isfinite(score).any():
                break
            best = int(pool[int(score.argmax())])
            closest_to_chosen = np.maximum(closest_to_chosen, vectors[pool] @ vectors[best])
            text = " ".join(words(texts[members[best]]))
            if text in seen_texts:  # the same words, differently punctuated
                continue
            seen_texts.add(text)
            chosen.append(best)
        return [int(members[position]) for position in chosen]


def pick_quotes(
    texts: Sequence[str],
    embeddings: np.ndarray,
    members: np.ndarray,
    centroid: np.ndarray,
    *,
    eligible: np.ndarray | None = None,
    count: int = 3,
) -> list[int]:
    """Quotes with the default settings; see :class:`MMRQuotes`."""
    return MMRQuotes(count=count).pick(texts, embeddings, members, centroid, eligible=eligible)
