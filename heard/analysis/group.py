"""Group stage: notes into themes, a theme into sub-themes, and new notes into existing themes.

Themes (issues): each note is smoothed toward its 10 nearest neighbours, then spherical k-means
runs with k chosen by silhouette on a seeded sample. Linear in the number of notes; 20,000 notes
take seconds and 100,000 stay well under 1 GB.

Sub-themes (specific concerns inside one issue): the words most notes of the theme share are the
theme itself ("...the right to keep and bear arms...") and dominate every note's embedding, so
sub-themes are found on the notes centred on the theme and, when the texts and an embedder are
at hand, also on the notes re-embedded without those shared words.

Unclear (-1): a note whose cosine to its theme's centroid is below ``unclear_floor`` fits no
theme; at most ``unclear_share`` of the notes are called unclear, the least fitting first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import threadpool_limits

from heard.analysis.embed import Embedder
from heard.analysis.kmeans import (
    choose_k,
    cluster_sums,
    refine,
    row_dots,
    silhouette,
    spherical_kmeans,
    unit_rows,
)
from heard.analysis.lexical import shared_words, without_words
from heard.analysis.neighbours import smooth

UNCLEAR = -1
#: A note less similar than this to every theme's centroid fits none of them.
UNCLEAR_FLOOR = 0.25


@dataclass(frozen=True)
class Grouping:
    """The outcome of grouping: theme per note (-1 unclear), fit score, centroids.

    ``centroids`` are unit vectors in the embedding space (row i is theme i), so
    ``assign(new, grouping.centroids, unclear_below=grouping.unclear_below)`` files new notes
    with the same rule. Themes are numbered by size, largest first.
    """

    labels: np.ndarray
    scores: np.ndarray
    centroids: np.ndarray
    unclear_below: float
    silhouettes: dict[int, float] = field(default_factory=dict)

    @property
    def theme_count(self) -> int:
        return len(self.centroids)


@dataclass(frozen=True)
class GroupSettings:
    """Knobs of the theme level; the defaults are the ones measured in benchmarks/themes."""

    neighbours: int = 10
    #: ... but about sqrt(notes) / 3 in a small campaign, and never fewer than this: 10 of 240
    #: notes blur two of its twelve problems together. None: always ``neighbours``.
    fewest_neighbours: int | None = 5
    max_themes: int = 40
    min_themes: int = 2
    #: k is at most (notes / min_notes_per_theme): no theme is expected to be tinier.
    min_notes_per_theme: int = 10
    #: ... and at most ``themes_per_root * sqrt(notes)``: silhouette on smoothed notes keeps
    #: rising with k (tight pairs of near-duplicates), which gave 40 themes for 460 demo notes.
    themes_per_root: float | None = 1.0
    #: A theme holding more than this share of the notes (and at least ``open_min_notes``) is
    #: not a theme but the campaign itself: it is opened, and its sub-themes take its place.
    open_above_share: float | None = 1 / 3
    open_min_notes: int = 24
    #: ... unless the themes stand clearly apart (silhouette at least this; real notes score
    #: 0.1-0.4, five well-separated topics 0.9): then a big theme is simply a big theme.
    keep_apart_above: float = 0.5
    #: A "theme" of fewer notes than this is one odd note: its notes join their nearest
    #: theme, or are unclear when they fit none.
    min_theme_notes: int = 2
    #: A theme whose notes fit their next-best theme almost as well as it (its mean margin is
    #: below this share of the median theme's) is not a theme: a motion cut in two, or the
    #: catch-all of short generic sayings ("it's their choice"). Its notes go to the themes they
    #: fit next. None: never.
    distinct_margin_share: float | None = 0.5
    #: k is the most themes whose silhouette is within this of the best k's: silhouette curves
    #: of real notes are flat near their top (0.183 at k=6, 0.174 at k=11 on the mixed-language
    #: set of 12 problems), and there the finer answer is the one an organizer can act on.
    #: Not when the best k stands clearly apart (``keep_apart_above``): then it is the answer.
    k_tolerance: float = 0.02
    unclear_floor: float = UNCLEAR_FLOOR
    unclear_share: float = 0.03
    sample_size: int = 2500
    restarts: int = 3
    seed: int = 0
    #: BLAS threads for the matrix products. One: on the 2-core reference machine a second
    #: OpenBLAS thread made these (mostly small) products 2-15x slower, never faster.
    blas_threads: int | None = 1
    #: Threads for the k-means runs (None: one per core, at most 4); the result is the same.
    workers: int | None = None


@dataclass(frozen=True)
class SubgroupSettings(GroupSettings):
    """Knobs of the sub-theme level: small sets, fewer neighbours, a few concerns each."""

    neighbours: int = 5
    max_themes: int = 12
    min_themes: int = 3
    min_notes_per_theme: int = 4
    sample_size: int = 1500
    restarts: int = 4
    fewest_neighbours: int | None = None
    themes_per_root: float | None = None
    open_above_share: float | None = None
    k_tolerance: float = 0.0
    #: A word in more than this share of the theme's notes is the theme, not a sub-theme.
    shared_word_share: float = 0.2
    #: One: ``find_themes`` already opens several themes at once, one per thread.
    workers: int | None = 1


def assign(
    new_embeddings: np.ndarray,
    centroids: np.ndarray,
    *,
    unclear_below: float = UNCLEAR_FLOOR,
) -> tuple[np.ndarray, np.ndarray]:
    """File new notes under existing themes: (theme per note or -1, cosine to that theme).

    One matrix product, so a few hundred new notes join 40 themes in about a millisecond; this is
    how the app themes incoming conversations without re-theming everything.
    """
    vectors = unit_rows(np.atleast_2d(new_embeddings))
    if len(centroids) == 0 or len(vectors) == 0:
        return np.full(len(vectors), UNCLEAR), np.zeros(len(vectors), dtype=np.float32)
    similarity = vectors @ unit_rows(centroids).T
    labels = similarity.argmax(axis=1)
    scores = similarity[np.arange(len(vectors)), labels].astype(np.float32)
    labels = np.where(scores < unclear_below, UNCLEAR, labels)
    return labels, scores


def group(
    embeddings: np.ndarray,
    *,
    settings: GroupSettings | None = None,
    previous: np.ndarray | None = None,
) -> Grouping:
    """Group notes into themes, choosing how many themes there are.

    ``previous``: per note, its theme in the last run (any non-negative ids; -1 for a new or
    unclear note). A re-run starts from it instead of choosing afresh, so the same notes stay
    together and new ones join the themes they fit; with nothing new nothing moves. Themes
    that would swallow the campaign are opened either way (see ``_open_swallowing``).
    """
    settings = settings or GroupSettings()
    vectors = unit_rows(embeddings)
    if len(vectors) == 0:
        return _cluster(vectors, vectors, settings)
    with threadpool_limits(settings.blas_threads, user_api="blas"):
        smoothed = smooth(vectors, _neighbours(len(vectors), settings), seed=settings.seed)
        silhouettes: dict[int, float] = {}
        if previous is not None and len(previous) != len(vectors):
            raise ValueError(f"{len(previous)} previous themes for {len(vectors)} notes")
        if previous is not None and (np.asarray(previous) >= 0).any():
            labels = np.asarray(previous, dtype=np.int64)
        else:
            labels, silhouettes = _choose_and_fit(smoothed, settings)
            if settings.distinct_margin_share is not None:
                labels = _dissolve_indistinct(vectors, labels, settings.distinct_margin_share)
        labels = _settle(smoothed, labels)
        if settings.open_above_share is not None and not _clearly_apart(smoothed, labels, settings):
            opened = _open_swallowing(vectors, labels, settings)
            if opened is not None:
                labels = _settle(smoothed, opened)
        labels = _dissolve_tiny(smoothed, labels, settings.min_theme_notes)
        return _finish(vectors, labels, settings, silhouettes=silhouettes)


def _dissolve_indistinct(vectors: np.ndarray, labels: np.ndarray, share: float) -> np.ndarray:
    """Dissolve, worst first, each theme whose notes barely prefer it (see GroupSettings)."""
    labels = labels.copy()
    while True:
        themes = np.unique(labels[labels >= 0])
        if len(themes) < 3:
            return labels
        placed = np.flatnonzero(labels >= 0)
        _, compact = np.unique(labels[placed], return_inverse=True)
        centroids = unit_rows(cluster_sums(vectors[placed], compact, len(themes)))
        similarity = vectors[placed] @ centroids.T
        own = similarity[np.arange(len(placed)), compact]
        similarity[np.arange(len(placed)), compact] = -np.inf
        margin = own - similarity.max(axis=1)
        margins = np.bincount(compact, weights=margin) / np.bincount(compact)
        worst = int(margins.argmin())
        if margins[worst] >= share * float(np.median(margins)):
            return labels
        leaving = compact == worst
        labels[placed[leaving]] = themes[similarity[leaving].argmax(axis=1)]


def _dissolve_tiny(features: np.ndarray, labels: np.ndarray, fewest: int) -> np.ndarray:
    """Move the notes of themes smaller than ``fewest`` to their nearest bigger theme."""
    sizes = np.bincount(labels[labels >= 0])
    tiny = sizes < fewest
    if not tiny[sizes > 0].any() or tiny.all():
        return labels
    keep = np.flatnonzero(~tiny & (sizes > 0))
    centroids = unit_rows(cluster_sums(features, labels, len(sizes)))[keep]
    moving = np.flatnonzero(tiny[labels])
    moved = labels.copy()
    moved[moving] = keep[(features[moving] @ centroids.T).argmax(axis=1)]
    return moved


def _settle(features: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """k-means steps from these themes (notes at -1 join the nearest) until nothing moves.

    Both a first run and a re-run end here, so a re-run with nothing new starts from a fixed
    point and changes nothing.
    """
    placed = labels >= 0
    _, compact = np.unique(labels[placed], return_inverse=True)
    start = np.full(len(labels), UNCLEAR, dtype=np.int64)
    start[placed] = compact
    k = int(start.max()) + 1
    centroids = unit_rows(cluster_sums(features[placed], start[placed], k))
    return refine(features, centroids)


def _clearly_apart(features: np.ndarray, labels: np.ndarray, settings: GroupSettings) -> bool:
    """Do these themes stand clearly apart (silhouette on a seeded sample)?"""
    rng = np.random.default_rng(settings.seed)
    rows = np.arange(len(labels))
    if len(rows) > settings.sample_size:
        rows = np.sort(rng.choice(len(rows), settings.sample_size, replace=False))
    return silhouette(features[rows], labels[rows]) >= settings.keep_apart_above


def _open_swallowing(
    vectors: np.ndarray, labels: np.ndarray, settings: GroupSettings
) -> np.ndarray | None:
    """Open every theme that swallows the campaign into its sub-themes, which become themes
    (None when no theme does).

    One motion of ArgKP (60 notes, 3-5 key points) or a campaign where one issue dominates
    comes out of silhouette as one or two themes: true at the coarsest level, and useless to
    an organizer, who sees the top level first.
    """
    assert settings.open_above_share is not None
    limit = max(settings.open_min_notes, settings.open_above_share * len(vectors))
    sizes = np.bincount(labels[labels >= 0])
    wide = [int(theme) for theme in np.flatnonzero(sizes > limit)]
    if not wide:
        return None
    # The opened pieces share the campaign's budget of themes, in proportion to their notes,
    # so 74 notes of one motion give about 9 themes, not 15.
    budget = _most_themes(len(vectors), settings)
    opened = labels.copy()
    next_label = len(sizes)
    for theme in wide:
        members = np.flatnonzero(labels == theme)
        pieces = max(2, round(budget * len(members) / len(vectors)))
        sub_settings = SubgroupSettings(
            blas_threads=settings.blas_threads,
            seed=settings.seed,
            min_themes=min(3, pieces),
            max_themes=min(SubgroupSettings.max_themes, pieces),
        )
        inner = _subgroup(vectors[members], None, None, sub_settings)
        if inner.theme_count < 2:
            continue
        # The sub-grouping's own unclear notes stay with the theme they came from.
        inner_labels = np.where(inner.labels < 0, 0, inner.labels)
        opened[members] = np.where(inner_labels == 0, theme, next_label + inner_labels - 1)
        next_label += inner.theme_count - 1
    return opened


def subgroup(
    embeddings: np.ndarray,
    *,
    texts: Sequence[str] | None = None,
    embedder: Embedder | None = None,
    settings: SubgroupSettings | None = None,
) -> Grouping:
    """Open one theme into sub-themes (specific concerns); centroids stay in embedding space.

    Give ``texts`` and ``embedder`` to also look at the notes without the theme's shared words
    (the stripped texts go through the embedder, so a cached embedder pays for them once).
    """
    settings = settings or SubgroupSettings()
    vectors = unit_rows(embeddings)
    with threadpool_limits(settings.blas_threads, user_api="blas"):
        return _subgroup(vectors, texts, embedder, settings)


def _subgroup(
    vectors: np.ndarray,
    texts: Sequence[str] | None,
    embedder: Embedder | None,
    settings: SubgroupSettings,
) -> Grouping:
    views = [unit_rows(vectors - vectors.mean(axis=0))]
    if texts is not None and embedder is not None and len(vectors) > 2:
        stripped = without_words(texts, shared_words(texts, settings.shared_word_share))
        distinct = unit_rows(embedder.embed(stripped))
        views.append(unit_rows(distinct - distinct.mean(axis=0)))
    features = unit_rows(np.hstack(views))
    return _cluster(features, vectors, settings)


def _cluster(features: np.ndarray, vectors: np.ndarray, settings: GroupSettings) -> Grouping:
    """k-means on (smoothed) ``features``; centroids and scores on the embeddings ``vectors``."""
    if len(vectors) == 0:
        return Grouping(
            labels=np.zeros(0, dtype=np.int64),
            scores=np.zeros(0, dtype=np.float32),
            centroids=np.zeros((0, vectors.shape[1] if vectors.ndim == 2 else 0), np.float32),
            unclear_below=settings.unclear_floor,
        )
    smoothed = smooth(features, _neighbours(len(features), settings), seed=settings.seed)
    labels, silhouettes = _choose_and_fit(smoothed, settings)
    return _finish(vectors, labels, settings, silhouettes=silhouettes)


def _neighbours(count: int, settings: GroupSettings) -> int:
    """How many neighbours each note is smoothed toward (see GroupSettings)."""
    if settings.fewest_neighbours is None:
        return settings.neighbours
    return int(np.clip(round(count**0.5 / 3), settings.fewest_neighbours, settings.neighbours))


def _most_themes(count: int, settings: GroupSettings) -> int:
    """The most themes worth showing for this many notes."""
    most = min(settings.max_themes, count // settings.min_notes_per_theme)
    if settings.themes_per_root is not None:
        most = min(most, max(settings.min_themes, round(settings.themes_per_root * count**0.5)))
    return most


def _choose_and_fit(
    smoothed: np.ndarray, settings: GroupSettings
) -> tuple[np.ndarray, dict[int, float]]:
    """Theme per note by spherical k-means with k chosen by silhouette, and the silhouettes."""
    count = len(smoothed)
    most = _most_themes(count, settings)
    if most < max(2, settings.min_themes):
        return np.zeros(count, dtype=np.int64), {}
    choice = choose_k(
        smoothed,
        theme_counts(max(2, settings.min_themes), most),
        seed=settings.seed,
        sample_size=settings.sample_size,
        restarts=settings.restarts,
        workers=settings.workers,
        tolerance=settings.k_tolerance,
        clear_above=settings.keep_apart_above,
    )
    # The sample's best restart seeds the full fit, and a few fresh restarts on all notes
    # may still beat it (on ArgKP they lift motion-level NMI by about 0.01).
    labels = spherical_kmeans(
        smoothed,
        choice.k,
        init=choice.centroids,
        restarts=settings.restarts if count > settings.sample_size else 0,
        seed=settings.seed,
        workers=settings.workers,
    ).labels
    return labels, choice.silhouettes


def _finish(
    vectors: np.ndarray,
    labels: np.ndarray,
    settings: GroupSettings,
    *,
    silhouettes: dict[int, float] | None = None,
) -> Grouping:
    """Number themes by size, centre them on the embeddings, and call the worst fits unclear
    (notes already unclear, -1, stay so and get their nearest theme's score)."""
    placed = labels >= 0
    numbered = np.full(len(labels), UNCLEAR, dtype=np.int64)
    numbered[placed] = _by_size(labels[placed])
    k = int(numbered.max()) + 1
    if placed.all():  # indexing would copy 100,000 vectors for nothing
        centroids = unit_rows(cluster_sums(vectors, numbered, k))
        scores = row_dots(vectors, numbered, centroids)
    else:
        centroids = unit_rows(cluster_sums(vectors[placed], numbered[placed], k))
        nearest = np.where(placed, numbered, (vectors @ centroids.T).argmax(axis=1))
        scores = row_dots(vectors, nearest, centroids)
    cut = min(settings.unclear_floor, float(np.quantile(scores, settings.unclear_share)))
    labels = np.where((scores < cut) | ~placed, UNCLEAR, numbered)
    return Grouping(labels, scores, centroids, unclear_below=cut, silhouettes=silhouettes or {})


def theme_counts(fewest: int, most: int) -> list[int]:
    """The k values worth trying: every k up to 12, then steps of about 10%."""
    counts = set(range(fewest, min(most, 12) + 1))
    k = 12.0
    while k < most:
        k *= 1.1
        counts.add(min(most, round(k)))
    return sorted(c for c in counts if fewest <= c <= most)


def _by_size(labels: np.ndarray) -> np.ndarray:
    """Renumber themes largest first (ties: the theme holding the earlier note first)."""
    values, first, sizes = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(range(len(values)), key=lambda i: (-sizes[i], first[i]))
    renumber = np.empty(int(values.max()) + 1, dtype=np.int64)
    renumber[values[order]] = np.arange(len(order))
    return renumber[labels]
