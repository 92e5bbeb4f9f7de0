"""BERTopic, given precomputed embeddings: run inside benchmarks/themes/.venv-bertopic.

    .venv-bertopic/bin/python benchmarks/themes/bertopic_runner.py JOB.json OUT.json

BERTopic keeps its defaults (UMAP to 5 dimensions, HDBSCAN with min_cluster_size 10, c-TF-IDF
topic words, ``calculate_probabilities=False``) with two changes only: no embedding model (the
embeddings are given, exactly as the other methods get them) and a seeded UMAP, built with the
parameters BERTopic's default UMAP has, so that runs repeat. Note that a seeded UMAP runs its
optimisation on one thread (umap-learn disables parallelism when ``random_state`` is set); pass
``--unseeded`` to measure BERTopic's parallel, unrepeatable default instead.

Before the clock starts, BERTopic is fitted once on 4,200 random unit vectors (above the 4,096
notes at which UMAP switches to approximate nearest neighbours), so numba's just-in-time
compilation of UMAP and pynndescent (about a minute on 2 cores, paid by every fresh process) is
not counted as BERTopic's theming time; that warm-up's time is reported separately. With
``--cold`` there is no warm-up: the clock then covers a fresh process's first fit, compilation
included, as a user running BERTopic once would see it. Outliers
(topic -1) are reported as unclear. This file must not import Heard.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

import numpy as np
from runner_io import run_job

UNSEEDED = False
#: More than 4,096 notes, so UMAP takes its nearest-neighbour-descent path (as at scale) and
#: numba compiles that too before the clock starts.
WARM_UP_NOTES = 4200


def bertopic_themes(
    texts: Sequence[str], embeddings: np.ndarray, seed: int, level: str = "scale"
) -> Sequence[int]:
    from bertopic import BERTopic
    from umap import UMAP

    umap_model = UMAP(
        n_neighbors=15,
        n_components=5,
        min_dist=0.0,
        metric="cosine",
        low_memory=False,
        random_state=None if UNSEEDED else seed,
    )
    model = BERTopic(embedding_model=None, umap_model=umap_model, calculate_probabilities=False)
    topics, _ = model.fit_transform(list(texts), embeddings=np.asarray(embeddings))
    return topics


def warm_up() -> None:
    """Import the libraries and let numba compile, outside every timed call."""
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(WARM_UP_NOTES, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    words = ["housing", "rent", "school", "park", "bus", "jobs", "safety", "water"]
    texts = [" ".join(rng.choice(words, size=6)) for _ in range(len(vectors))]
    bertopic_themes(texts, vectors, 0)


def main(argv: Sequence[str]) -> None:
    global UNSEEDED
    if "--unseeded" in argv:
        UNSEEDED = True
        argv = [arg for arg in argv if arg != "--unseeded"]
    # Import outside the clock: the libraries are loaded once per process, like an app would.
    cold = "--cold" in argv
    argv = [arg for arg in argv if arg != "--cold"]
    start = time.perf_counter()
    if cold:
        import bertopic  # noqa: F401 - imports stay outside the clock even when cold
        import umap  # noqa: F401
    else:
        warm_up()
    warm_up_seconds = None if cold else time.perf_counter() - start
    run_job(
        {"bertopic": bertopic_themes},
        ["bertopic", "umap-learn", "hdbscan", "numba", "pynndescent", "scikit-learn", "numpy"],
        argv,
        extra={"warm_up_seconds": warm_up_seconds},
    )


if __name__ == "__main__":
    main(sys.argv[1:])
