"""The one place the Django side calls the analysis library: find themes, name a group, file new
notes under existing themes, split one theme in two.

Everything here is pure (texts and arrays in, plain results out); runs.py, assignment.py and
curation.py decide what the results mean for stored themes.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from heard.analysis import group as analysis_group
from heard.analysis.name import CtfidfNamer
from heard.analysis.pipeline import ThemeResult, find_themes

#: The analysis library's floor: below it a note fits no theme. A run may set a lower cut for
#: its own notes (it calls at most 3% unclear); new notes are filed with the last run's cut.
UNCLEAR_FLOOR = analysis_group.UNCLEAR_FLOOR


def assign(
    vectors: np.ndarray, prototypes: np.ndarray, *, unclear_below: float = UNCLEAR_FLOOR
) -> tuple[np.ndarray, np.ndarray]:
    """Nearest prototype per vector and its cosine similarity; -1 when none is close enough."""
    vectors = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    if not len(vectors) or not len(prototypes):
        return np.full(len(vectors), -1, dtype=np.int64), np.zeros(len(vectors), dtype=np.float32)
    return analysis_group.assign(vectors, prototypes, unclear_below=unclear_below)


def find(
    texts: Sequence[str],
    vectors: np.ndarray,
    *,
    quotable: Sequence[bool] | None = None,
    previous: Sequence[int] | None = None,
    language: str = "en",
) -> ThemeResult:
    """Themes among these notes, each with its sub-themes, labels and quotable members
    (`heard.analysis.pipeline.find_themes`); `previous` is each note's theme in the last run
    (-1: new or unclear), so a re-run keeps the structure; a theme mixing languages is labelled
    in `language`.

    No embedder is passed: sub-themes are found on the cached vectors alone, because
    re-embedding every theme's notes without its shared words would double the model's work on
    a first run.
    """
    return find_themes(
        list(texts), embeddings=vectors, eligible=quotable, previous=previous, language=language
    )


def name_groups(
    groups: Sequence[Sequence[str]], *, language: str = "en"
) -> list[tuple[str, list[str]]]:
    """A label and keywords for each group of texts (the analysis library's naming)."""
    texts, labels = _flatten(groups)
    names = CtfidfNamer().name(texts, labels, language=language) if texts else {}
    return [
        (names[k].label, list(names[k].keywords)) if k in names else ("", [])
        for k in range(len(groups))
    ]


def key_phrases(groups: Sequence[Sequence[str]]) -> list[list[str]]:
    """The terms that set each group of texts apart (e.g. the why answers of each theme); no
    labels are made for them."""
    texts, labels = _flatten(groups)
    ranked = CtfidfNamer().keywords(texts, labels) if texts else {}
    return [ranked.get(k, []) for k in range(len(groups))]


def _flatten(groups: Sequence[Sequence[str]]) -> tuple[list[str], np.ndarray]:
    texts = [text for texts in groups for text in texts]
    labels = np.array([k for k, texts in enumerate(groups) for _ in texts], dtype=np.int64)
    return texts, labels


def split_in_two(vectors: np.ndarray) -> np.ndarray:
    """Two groups of these vectors (0/1 per row), the analysis library's way."""
    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=np.int64)
    settings = analysis_group.SubgroupSettings(min_themes=2, max_themes=2, min_notes_per_theme=1)
    found = analysis_group.subgroup(vectors, settings=settings)
    if len(found.centroids) < 2:
        return np.zeros(len(vectors), dtype=np.int64)
    return (np.asarray(vectors) @ found.centroids[:2].T).argmax(axis=1)
