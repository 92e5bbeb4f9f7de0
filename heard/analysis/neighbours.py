"""Nearest neighbours among notes, and smoothing each note toward its neighbours.

A short note ("it costs too much") sits between themes on its own; averaged with the notes most
like it, it lands in the theme its neighbours agree on. On ArgKP this lifts motion-level NMI
from 0.93 to 0.95. Up to ``exact_limit`` notes the neighbours are exact; above it they are found
inside coarse cells (an inverted-file index), which keeps 100,000 notes at seconds and well
under 1 GB instead of a 100,000 x 100,000 similarity matrix.
"""

from __future__ import annotations

import numpy as np

from heard.analysis.kmeans import spherical_kmeans, unit_rows

_BLOCK = 1024


def _top_k(similarity: np.ndarray, k: int) -> np.ndarray:
    part = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
    order = np.take_along_axis(similarity, part, axis=1).argsort(axis=1)[:, ::-1]
    return np.take_along_axis(part, order, axis=1)


def _exact(vectors: np.ndarray, k: int) -> np.ndarray:
    neighbours = np.empty((len(vectors), k), dtype=np.int64)
    for start in range(0, len(vectors), _BLOCK):
        block = vectors[start : start + _BLOCK] @ vectors.T
        rows = np.arange(len(block))
        block[rows, start + rows] = -np.inf  # a note is not its own neighbour
        neighbours[start : start + len(block)] = _top_k(block, k)
    return neighbours


def _by_cells(vectors: np.ndarray, k: int, seed: int, probes: int = 3) -> np.ndarray:
    """Approximate neighbours: notes of a cell search that cell and its ``probes - 1`` nearest."""
    rng = np.random.default_rng(seed)
    cells = int(np.sqrt(len(vectors)))
    sample = vectors[np.sort(rng.choice(len(vectors), min(len(vectors), 20 * cells), False))]
    centroids = spherical_kmeans(sample, cells, seed=seed, restarts=1, max_iter=20).centroids
    cell_of = np.empty(len(vectors), dtype=np.int64)
    for start in range(0, len(vectors), 8 * _BLOCK):
        cell_of[start : start + 8 * _BLOCK] = (
            vectors[start : start + 8 * _BLOCK] @ centroids.T
        ).argmax(axis=1)
    order = np.argsort(cell_of, kind="stable")
    bounds = np.searchsorted(cell_of[order], np.arange(cells + 1))
    filed = [order[bounds[cell] : bounds[cell + 1]] for cell in range(cells)]
    nearby = _top_k(centroids @ centroids.T, min(probes, cells))
    neighbours = np.empty((len(vectors), k), dtype=np.int64)
    for cell in range(cells):
        queries = filed[cell]
        if len(queries) == 0:
            continue
        candidates = np.concatenate([filed[other] for other in nearby[cell]])
        if len(candidates) <= k:  # a tiny neighbourhood: search everything
            candidates = np.arange(len(vectors))
        for start in range(0, len(queries), _BLOCK):
            block_queries = queries[start : start + _BLOCK]
            similarity = vectors[block_queries] @ vectors[candidates].T
            similarity[block_queries[:, None] == candidates[None, :]] = -np.inf
            neighbours[block_queries] = candidates[_top_k(similarity, k)]
    return neighbours


def nearest_neighbours(
    vectors: np.ndarray, k: int, *, exact_limit: int = 8000, seed: int = 0
) -> np.ndarray:
    """Indices of each row's ``k`` most similar other rows (cosine), most similar first."""
    vectors = unit_rows(vectors)
    k = min(k, len(vectors) - 1)
    if k < 1:
        return np.empty((len(vectors), 0), dtype=np.int64)
    if len(vectors) <= exact_limit:
        return _exact(vectors, k)
    return _by_cells(vectors, k, seed)


def smooth(vectors: np.ndarray, k: int, *, seed: int = 0) -> np.ndarray:
    """Each note's vector plus the mean of its ``k`` nearest neighbours, back to unit length."""
    vectors = unit_rows(vectors)
    neighbours = nearest_neighbours(vectors, k, seed=seed)
    if neighbours.shape[1] == 0:
        return vectors
    smoothed = np.empty_like(vectors)
    for start in range(0, len(vectors), 8 * _BLOCK):
        stop = start + 8 * _BLOCK
        # Adding one neighbour column at a time is 8x faster than .mean(axis=1) over a
        # (rows, k, dimension) gather, and holds one block of rows instead of k.
        nearby = np.zeros_like(vectors[start:stop])
        for column in neighbours[start:stop].T:
            nearby += vectors[column]
        block = vectors[start:stop] + nearby / neighbours.shape[1]
        norms = np.sqrt(np.einsum("ij,ij->i", block, block))
        smoothed[start:stop] = block / np.clip(norms, 1e-12, None)[:, None]
    return smoothed
