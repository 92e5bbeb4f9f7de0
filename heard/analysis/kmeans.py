"""Spherical k-means and a silhouette-based choice of how many themes there are.

Spherical k-means (cosine similarity, unit-length centroids) suits sentence embeddings and
scales linearly: 100,000 notes and 40 themes are a (100,000 x 40) similarity matrix per step.
Everything is seeded, so the same notes always give the same themes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from heard.analysis.parallel import in_parallel


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (all-zero rows stay zero), as float32.

    Rows that already have length 1 come back as they are, without a copy: 100,000 embeddings
    are 150 MB, and the grouping should not hold several copies of them.
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2:
        raise ValueError(f"expected one vector per row, got shape {vectors.shape}")
    norms = np.sqrt(np.einsum("ij,ij->i", vectors, vectors))
    if len(norms) and float(np.abs(norms - 1.0).max()) < 1e-4:
        return vectors
    return vectors / np.clip(norms, 1e-12, None)[:, None]


def row_dots(left: np.ndarray, right_rows: np.ndarray, right: np.ndarray) -> np.ndarray:
    """``(left[i] * right[right_rows[i]]).sum()`` for every i, in blocks (no n x d temporary)."""
    dots = np.empty(len(left), dtype=np.float32)
    for start in range(0, len(left), 8192):
        stop = start + 8192
        dots[start:stop] = np.einsum("ij,ij->i", left[start:stop], right[right_rows[start:stop]])
    return dots


@dataclass(frozen=True)
class KMeansFit:
    """One clustering: a label per row, unit centroids, and the mean cosine to own centroid."""

    labels: np.ndarray
    centroids: np.ndarray
    cohesion: float


def cluster_sums(vectors: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Sum of the rows of each cluster, as a (k, dimension) float32 array.

    A sparse (k x n) membership matrix times the rows: linear in n, and 2-5x faster than a dense
    one-hot product, which BLAS handles badly when k is small.
    """
    # Column i holds a single 1 in row labels[i]: CSC takes that as it is, with no sorting.
    membership = sparse.csc_matrix(
        (np.ones(len(labels), dtype=np.float32), labels, np.arange(len(labels) + 1)),
        shape=(k, len(labels)),
    )
    return np.asarray(membership @ vectors, dtype=np.float32)


def _plus_plus_init(
    vectors: np.ndarray, k: int, rng: np.random.Generator, gram: np.ndarray | None
) -> np.ndarray:
    """k-means++ seeding on cosine distance: far-apart notes start the themes."""

    def distance_to(row: int) -> np.ndarray:
        similarity = gram[row] if gram is not None else vectors @ vectors[row]
        return np.clip(1.0 - similarity, 0.0, None)

    chosen = [int(rng.integers(len(vectors)))]
    distance = distance_to(chosen[0])
    for _ in range(1, k):
        cumulative = np.cumsum(distance.astype(np.float64) ** 2)
        if cumulative[-1] <= 0:  # every row equals a chosen one: pick any unchosen row
            chosen.append(int(np.setdiff1d(np.arange(len(vectors)), chosen)[0]))
            continue
        pick = int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"))
        pick = min(pick, len(vectors) - 1)
        chosen.append(pick)
        distance = np.minimum(distance, distance_to(pick))
    return vectors[chosen].copy()


def _lloyd(vectors: np.ndarray, centroids: np.ndarray, max_iter: int, tol: float) -> KMeansFit:
    k = len(centroids)
    labels = np.full(len(vectors), -1)
    best_similarity = np.zeros(len(vectors), dtype=np.float32)
    previous = -np.inf
    for _ in range(max_iter):
        similarity = vectors @ centroids.T
        labels = similarity.argmax(axis=1)
        best_similarity = similarity[np.arange(len(vectors)), labels]
        objective = float(best_similarity.sum())
        sizes = np.bincount(labels, minlength=k)
        for empty in np.flatnonzero(sizes == 0):
            # An empty theme restarts at the note that fits its own theme worst.
            worst = int(best_similarity.argmin())
            labels[worst] = empty
            best_similarity[worst] = 1.0
        centroids = unit_rows(cluster_sums(vectors, labels, k))
        if objective - previous <= tol * max(1.0, abs(objective)):
            break
        previous = objective
    similarity = vectors @ centroids.T
    labels = similarity.argmax(axis=1)
    cohesion = float(similarity[np.arange(len(vectors)), labels].mean())
    return KMeansFit(labels=labels, centroids=centroids, cohesion=cohesion)


def spherical_kmeans(
    vectors: np.ndarray,
    k: int,
    *,
    seed: int = 0,
    restarts: int = 3,
    max_iter: int = 60,
    tol: float = 1e-5,
    init: np.ndarray | None = None,
    gram: np.ndarray | None = None,
    workers: int | None = 1,
) -> KMeansFit:
    """Best of ``restarts`` seeded k-means++ runs on unit rows (plus one from ``init``).

    ``gram`` (the rows' cosine matrix, when the caller already has it) makes seeding cheaper.
    The runs go on ``workers`` threads (None: one per core); the seeds are drawn first, in
    order, so the result is the same for any number of threads.
    """
    vectors = unit_rows(vectors)
    k = max(1, min(k, len(vectors)))
    rng = np.random.default_rng(seed)
    starts = [unit_rows(init)] if init is not None else []
    for _ in range(max(0 if init is not None else 1, restarts)):
        starts.append(_plus_plus_init(vectors, k, rng, gram))
    fits = in_parallel(lambda start: _lloyd(vectors, start, max_iter, tol), starts, workers)
    best = fits[0]
    for fit in fits[1:]:
        if fit.cohesion > best.cohesion:
            best = fit
    return best


def refine(vectors: np.ndarray, centroids: np.ndarray, max_iter: int = 100) -> np.ndarray:
    """Lloyd steps from these centroids until no row changes cluster; the label of every row.

    Stops on the labels, not on the objective, so the result is a fixed point: refining again
    from its own clusters moves nothing. A cluster that empties stays empty.
    """
    vectors = unit_rows(vectors)
    k = len(centroids)
    labels = (vectors @ unit_rows(centroids).T).argmax(axis=1)
    for _ in range(max_iter):
        centroids = unit_rows(cluster_sums(vectors, labels, k))
        moved = (vectors @ centroids.T).argmax(axis=1)
        if np.array_equal(moved, labels):
            break
        labels = moved
    return labels


def silhouette(vectors: np.ndarray, labels: np.ndarray, gram: np.ndarray | None = None) -> float:
    """Mean cosine silhouette, equal to scikit-learn's ``silhouette_score(metric="cosine")``."""
    vectors = unit_rows(vectors)
    _, labels = np.unique(labels, return_inverse=True)
    k = int(labels.max()) + 1 if len(labels) else 0
    if k < 2 or k >= len(vectors):
        return -1.0
    if gram is None:
        gram = vectors @ vectors.T
    distance = 1.0 - gram
    np.fill_diagonal(distance, 0.0)
    members = np.zeros((len(vectors), k), dtype=np.float32)
    members[np.arange(len(vectors)), labels] = 1.0
    sums = distance @ members
    sizes = members.sum(axis=0)
    own_size = sizes[labels]
    own = sums[np.arange(len(vectors)), labels] / np.clip(own_size - 1, 1, None)
    others = sums / sizes
    others[np.arange(len(vectors)), labels] = np.inf
    nearest = others.min(axis=1)
    scores = (nearest - own) / np.clip(np.maximum(nearest, own), 1e-12, None)
    scores[own_size <= 1] = 0.0
    return float(scores.mean())


@dataclass(frozen=True)
class KChoice:
    """How many themes, why (silhouette per k tried), and centroids to start the full fit from."""

    k: int
    silhouettes: dict[int, float]
    centroids: np.ndarray


def choose_k(
    vectors: np.ndarray,
    candidates: Iterable[int],
    *,
    seed: int = 0,
    sample_size: int = 2500,
    restarts: int = 3,
    workers: int | None = 1,
    tolerance: float = 0.0,
    clear_above: float = 1.0,
) -> KChoice:
    """Pick k by cosine silhouette of spherical k-means on a seeded sample of the rows.

    The sample keeps the choice cheap on 100,000 notes (silhouette is quadratic) while seeing
    every theme bigger than a fraction of a percent. Each k is tried on its own seed, on
    ``workers`` threads (None: one per core), so the choice is the same for any number.
    """
    vectors = unit_rows(vectors)
    rng = np.random.default_rng(seed)
    if len(vectors) > sample_size:
        sample = vectors[np.sort(rng.choice(len(vectors), sample_size, replace=False))]
    else:
        sample = vectors
    gram = sample @ sample.T
    ks = [k for k in sorted(set(candidates)) if 2 <= k < len(sample)]

    def try_k(k: int) -> tuple[float, np.ndarray]:
        fit = spherical_kmeans(sample, k, seed=seed, restarts=restarts, max_iter=30, gram=gram)
        return silhouette(sample, fit.labels, gram), fit.centroids

    tried = in_parallel(try_k, ks, workers)
    scores = {k: score for k, (score, _) in zip(ks, tried, strict=True)}
    best: tuple[float, int, np.ndarray] | None = None
    top = max(scores.values(), default=0.0)
    if top >= clear_above:  # the notes clearly say how many: take the best k as it is
        tolerance = 0.0
    for k, (score, centroids) in zip(ks, tried, strict=True):
        # The most themes whose silhouette is within ``tolerance`` of the best: when the curve
        # is flat the notes do not prefer the coarser answer, and finer themes say more.
        if score >= top - tolerance and (best is None or k > best[1]):
            best = (score, k, centroids)
    if best is None:
        return KChoice(k=1, silhouettes={}, centroids=unit_rows(vectors.mean(axis=0)[None, :]))
    return KChoice(k=best[1], silhouettes=scores, centroids=best[2])
