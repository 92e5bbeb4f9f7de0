"""find_themes: notes in, themes out (embed → group → name → quotes, then the same per theme).

Each stage is a small object behind a protocol, so any one can be swapped (a database-backed
embedder, another grouping) without touching the others. Results are plain dataclasses and numpy
arrays: the CLI prints them, the Django app stores them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from heard.analysis.embed import Embedder, Progress, default_embedder
from heard.analysis.group import (
    UNCLEAR,
    Grouping,
    GroupSettings,
    SubgroupSettings,
    group,
    subgroup,
)
from heard.analysis.kmeans import unit_rows
from heard.analysis.lexical import shared_words
from heard.analysis.name import CtfidfNamer, ThemeName, note_term_sets
from heard.analysis.parallel import in_parallel
from heard.analysis.quotes import MMRQuotes

#: Words in more than this share of a theme's notes do not name its sub-themes.
SHARED_IN_NAMES = 0.4


class GroupStage(Protocol):
    def group(self, embeddings: np.ndarray, previous: np.ndarray | None = None) -> Grouping: ...

    def subgroup(
        self, embeddings: np.ndarray, texts: Sequence[str], embedder: Embedder | None
    ) -> Grouping: ...


class NameStage(Protocol):
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
    ) -> dict[int, ThemeName]: ...


class QuoteStage(Protocol):
    def pick(
        self,
        texts: Sequence[str],
        embeddings: np.ndarray,
        members: np.ndarray,
        centroid: np.ndarray,
        *,
        eligible: np.ndarray | None = None,
    ) -> list[int]: ...


@dataclass(frozen=True)
class KMeansGrouper:
    """The default group stage: :func:`heard.analysis.group.group` and ``subgroup``."""

    settings: GroupSettings = field(default_factory=GroupSettings)
    sub_settings: SubgroupSettings = field(default_factory=SubgroupSettings)

    def group(self, embeddings: np.ndarray, previous: np.ndarray | None = None) -> Grouping:
        return group(embeddings, settings=self.settings, previous=previous)

    def subgroup(
        self, embeddings: np.ndarray, texts: Sequence[str], embedder: Embedder | None
    ) -> Grouping:
        return subgroup(embeddings, texts=texts, embedder=embedder, settings=self.sub_settings)


@dataclass
class Theme:
    """One theme (or sub-theme): what the notes are about, how many, and who said it best."""

    id: int
    label: str
    keywords: list[str]
    size: int
    #: size / number of notes in the parent (all notes for a theme, the theme for a sub-theme)
    share: float
    quote_indices: list[int]
    centroid: np.ndarray
    parent: int | None = None
    children: list[Theme] = field(default_factory=list)


@dataclass
class ThemeResult:
    """Per-note theme ids and scores, and the themes, largest first.

    Ids are unique across levels: themes are 0..k-1, sub-themes follow. ``note_themes[i]`` is
    -1 for an unclear note (empty, or fitting no theme); ``note_subthemes[i]`` is -1 when the
    note's theme was not opened or the note fits none of its sub-themes.
    """

    note_themes: np.ndarray
    note_scores: np.ndarray
    note_subthemes: np.ndarray
    themes: list[Theme]
    unclear_below: float
    model_id: str | None = None

    @property
    def unclear_count(self) -> int:
        return int((self.note_themes == UNCLEAR).sum())

    def all_themes(self) -> Iterator[Theme]:
        """Every theme, each followed by its sub-themes."""
        for theme in self.themes:
            yield theme
            yield from theme.children

    def theme(self, theme_id: int) -> Theme:
        """The theme or sub-theme with this id (KeyError when there is none)."""
        for theme in self.all_themes():
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)


def find_themes(
    texts: Sequence[str],
    *,
    embeddings: np.ndarray | None = None,
    embedder: Embedder | None = None,
    eligible: np.ndarray | Sequence[bool] | None = None,
    previous: np.ndarray | Sequence[int] | None = None,
    language: str = "en",
    subthemes: bool = True,
    min_notes_for_subthemes: int = 12,
    grouper: GroupStage | None = None,
    namer: NameStage | None = None,
    quoter: QuoteStage | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> ThemeResult:
    """Find themes (and sub-themes) in notes, with labels and quotes, entirely locally.

    Pass ``embeddings`` when the vectors are already known (the app's cache, a benchmark);
    otherwise ``embedder`` (default: the bundled multilingual model) embeds the texts. When an
    embedder is available it also sharpens sub-themes (see ``subgroup``). Empty notes are
    unclear. ``eligible`` marks the notes that may be quoted. ``previous`` gives each note's
    theme in the last run (-1: new or unclear), so a re-run keeps the structure
    (``group.group``). A theme mixing languages is labelled in ``language`` ("en" or "es").
    Themes are opened into sub-themes on ``workers`` threads (default: one
    per core, at most 4); the result is the same for any number.
    """
    grouper = grouper or KMeansGrouper()
    namer = namer or CtfidfNamer()
    quoter = quoter or MMRQuotes()
    count = len(texts)
    allowed = None if eligible is None else np.asarray(eligible, dtype=bool)
    if allowed is not None and len(allowed) != count:
        raise ValueError(f"eligible has {len(allowed)} entries for {count} notes")
    if embeddings is None:
        embedder = embedder or default_embedder()
        embeddings = embedder.embed(list(texts), progress)
    embeddings = np.asarray(embeddings, dtype=np.float32)
    if len(embeddings) != count:
        raise ValueError(f"{len(embeddings)} embeddings for {count} notes")

    spoken = np.flatnonzero([bool(text.strip()) for text in texts])
    everyone = np.arange(count)
    # Indexing copies; with 100,000 notes that is 150 MB we skip when every note has words.
    before = None if previous is None else np.asarray(previous, dtype=np.int64)
    if before is not None and len(before) != count:
        raise ValueError(f"previous has {len(before)} entries for {count} notes")
    if len(spoken) == count:
        grouping = grouper.group(embeddings, before)
    else:
        grouping = grouper.group(embeddings[spoken], None if before is None else before[spoken])
    note_themes = np.full(count, UNCLEAR, dtype=np.int64)
    note_scores = np.zeros(count, dtype=np.float32)
    note_subthemes = np.full(count, UNCLEAR, dtype=np.int64)
    note_themes[spoken] = grouping.labels
    note_scores[spoken] = grouping.scores

    taken: set[str] = set()
    # Tokenized once: the same notes name their theme and then their sub-theme.
    note_terms = note_term_sets(texts)
    themes = _themes_of(
        texts,
        embeddings,
        note_themes,
        grouping,
        namer,
        quoter,
        allowed,
        taken,
        note_terms,
        scope=everyone,
        offset=0,
        language=language,
    )
    next_id = len(themes)
    if subthemes:
        opened = [theme for theme in themes if theme.size >= min_notes_for_subthemes]
        members_of = {theme.id: np.flatnonzero(note_themes == theme.id) for theme in opened}
        sub_embedder = None
        if embedder is not None:
            total = sum(len(members) for members in members_of.values())
            sub_embedder = _ProgressOverCalls(embedder, total, progress)

        def open_theme(theme: Theme) -> Grouping:
            members = members_of[theme.id]
            member_texts = [texts[int(m)] for m in members]
            return grouper.subgroup(embeddings[members], member_texts, sub_embedder)

        inners = in_parallel(open_theme, opened, workers)
        for theme, inner in zip(opened, inners, strict=True):
            if inner.theme_count < 2:
                continue
            members = members_of[theme.id]
            local = np.full(count, UNCLEAR, dtype=np.int64)
            local[members] = inner.labels
            theme.children = _themes_of(
                texts,
                embeddings,
                local,
                inner,
                namer,
                quoter,
                allowed,
                taken,
                note_terms,
                scope=members,
                offset=next_id,
                parent=theme,
                language=language,
            )
            for child in theme.children:
                note_subthemes[local == child.id - next_id] = child.id
            next_id += inner.theme_count
        if sub_embedder is not None:
            sub_embedder.finish()
    model_id = getattr(embedder, "model_id", None)
    return ThemeResult(
        note_themes, note_scores, note_subthemes, themes, grouping.unclear_below, model_id
    )


class _ProgressOverCalls:
    """Reports the sub-theme re-embedding (one call per theme) as one progress run over
    ``total`` notes, so a progress line restarts once rather than once per theme.

    Themes are opened on several threads; the lock lets one embed at a time (the embedder loads
    its model lazily and keeps the progress count, neither thread-safe), while the others
    cluster.
    """

    def __init__(self, embedder: Embedder, total: int, progress: Progress | None) -> None:
        self.embedder = embedder
        self.model_id = embedder.model_id
        self.dimension = embedder.dimension
        self.total = total
        self.progress = progress
        self.done = 0
        self.lock = threading.Lock()

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        with self.lock:
            return self._embed(texts)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        base = self.done
        report = self.progress

        def step(done: int, total: int) -> None:
            if report is not None:
                report(min(base + done, self.total), self.total)

        vectors = self.embedder.embed(texts, step)
        self.done = min(self.total, base + len(texts))
        return vectors

    def finish(self) -> None:
        if self.progress is not None and self.total and self.done < self.total:
            self.progress(self.total, self.total)


def _themes_of(
    texts: Sequence[str],
    embeddings: np.ndarray,
    labels: np.ndarray,
    grouping: Grouping,
    namer: NameStage,
    quoter: QuoteStage,
    eligible: np.ndarray | None,
    taken: set[str],
    note_terms: Sequence[set[str]],
    *,
    scope: np.ndarray,
    offset: int,
    parent: Theme | None = None,
    language: str = "en",
) -> list[Theme]:
    """Theme objects for one grouping: labels from the words, quotes from the members."""
    avoid: set[str] = set()
    if parent is not None:
        # A sub-theme is named by what sets it apart, not by the words of its whole theme.
        avoid = {parent.label} | shared_words([texts[int(i)] for i in scope], SHARED_IN_NAMES)
    # How central each note is to its theme: labels come from the most central notes.
    local = labels[scope]
    closeness = np.zeros(len(scope), dtype=np.float32)
    for local_id in range(grouping.theme_count):
        inside = local == local_id
        if inside.any():
            closeness[inside] = unit_rows(embeddings[scope[inside]]) @ grouping.centroids[local_id]
    names = namer.name(
        [texts[i] for i in scope],
        local,
        avoid=avoid,
        taken=taken,
        note_terms=[note_terms[i] for i in scope],
        closeness=closeness,
        language=language,
    )
    total = len(texts) if parent is None else parent.size
    themes = []
    for local_id in range(grouping.theme_count):
        members = np.flatnonzero(labels == local_id)
        if len(members) == 0:
            continue
        centroid = grouping.centroids[local_id]
        name = names.get(local_id, ThemeName(f"theme {offset + local_id + 1}", []))
        themes.append(
            Theme(
                id=offset + local_id,
                label=name.label,
                keywords=name.keywords,
                size=len(members),
                share=len(members) / max(1, total),
                quote_indices=quoter.pick(texts, embeddings, members, centroid, eligible=eligible),
                centroid=centroid,
                parent=None if parent is None else parent.id,
            )
        )
    return themes
