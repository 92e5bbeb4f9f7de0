"""Independent pieces of work on the machine's cores, with the same result as one core.

Grouping is mostly matrix products, which release the GIL, so threads use every core with no
copies of the embeddings (processes would copy them, and a forked Django worker is a risk).
Each piece is seeded on its own and results come back in order, so the outcome does not depend
on the number of threads.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from threadpoolctl import threadpool_limits

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """One thread per core, at most four (the pieces are small; more threads only wait)."""
    return min(4, os.cpu_count() or 1)


def in_parallel(work: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> list[R]:
    """``[work(item) for item in items]``, on up to ``workers`` threads.

    BLAS is held to one thread for the whole section: threadpoolctl's limit is process-wide, and
    threads setting and restoring their own limits would restore each other's.
    """
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(items) <= 1:
        return [work(item) for item in items]
    with threadpool_limits(1, user_api="blas"), ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(work, items))
