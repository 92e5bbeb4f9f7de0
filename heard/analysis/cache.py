"""Embedding cache: a note's text is embedded once per model, ever.

The protocol is two methods so that any store can hold vectors:

* ``get_many(keys) -> {key: vector}`` returns only the keys it holds (misses are simply absent);
* ``put_many({key: vector})`` stores vectors, replacing any held under the same key.

A key is ``EmbeddingKey(model_id, text_sha256)``: the model's id (vectors of different models
never mix) and the hex sha256 of the note's UTF-8 text, exactly as written (no stripping or case
folding, so a cached vector is always the vector of that exact text). A vector is a float32 array
of the model's dimension. The CLI uses :class:`SqliteEmbeddingCache` (one SQLite file, stdlib
only); the Django app implements the same two methods on a table with a unique
(model_id, text_sha256) constraint.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple, Protocol, runtime_checkable

import numpy as np

#: SQLite allows 999 bound variables in old builds; stay well below.
_CHUNK = 500


class EmbeddingKey(NamedTuple):
    """Which model embedded which text (by the text's sha256)."""

    model_id: str
    text_sha256: str


def text_sha256(text: str) -> str:
    """The hex sha256 of a note's UTF-8 text: the cache key's text part."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@runtime_checkable
class EmbeddingCache(Protocol):
    """Where vectors are kept between runs; see the module docstring for the contract."""

    def get_many(self, keys: Sequence[EmbeddingKey]) -> dict[EmbeddingKey, np.ndarray]: ...

    def put_many(self, vectors: Mapping[EmbeddingKey, np.ndarray]) -> None: ...


class MemoryEmbeddingCache:
    """A dict behind the cache protocol: for tests and one-off runs."""

    def __init__(self) -> None:
        self.vectors: dict[EmbeddingKey, np.ndarray] = {}

    def get_many(self, keys: Sequence[EmbeddingKey]) -> dict[EmbeddingKey, np.ndarray]:
        return {key: self.vectors[key] for key in keys if key in self.vectors}

    def put_many(self, vectors: Mapping[EmbeddingKey, np.ndarray]) -> None:
        for key, vector in vectors.items():
            self.vectors[key] = np.asarray(vector, dtype=np.float32)


def default_cache_dir() -> Path:
    """``$HEARD_CACHE_DIR``, else ``$XDG_CACHE_HOME/heard/embeddings`` (``~/.cache/...``)."""
    configured = os.environ.get("HEARD_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "heard" / "embeddings"


class SqliteEmbeddingCache:
    """All vectors in one SQLite file (``embeddings.sqlite3`` inside the cache directory).

    SQLite gives atomic writes and safe concurrent readers for free, so two CLI runs sharing a
    cache cannot corrupt it, and a run killed half-way keeps what it had already stored.

    Within a process, one connection serves every thread (find_themes opens themes into
    sub-themes on worker threads) and a lock lets one thread use it at a time.
    """

    FILENAME = "embeddings.sqlite3"

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / self.FILENAME
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS embeddings ("
                " model_id TEXT NOT NULL, text_sha256 TEXT NOT NULL, vector BLOB NOT NULL,"
                " PRIMARY KEY (model_id, text_sha256)) WITHOUT ROWID"
            )
            connection.commit()
            self._connection = connection
        return self._connection

    def get_many(self, keys: Sequence[EmbeddingKey]) -> dict[EmbeddingKey, np.ndarray]:
        """The held vectors among ``keys``."""
        found: dict[EmbeddingKey, np.ndarray] = {}
        by_model: dict[str, list[str]] = {}
        for key in keys:
            by_model.setdefault(key.model_id, []).append(key.text_sha256)
        with self._lock:
            connection = self._connect()
            for model_id, hashes in by_model.items():
                for chunk in _chunks(hashes):
                    marks = ",".join("?" * len(chunk))
                    rows = connection.execute(
                        "SELECT text_sha256, vector FROM embeddings"  # noqa: S608 - only "?"
                        f" WHERE model_id = ? AND text_sha256 IN ({marks})",
                        [model_id, *chunk],
                    )
                    for digest, blob in rows:
                        vector = np.frombuffer(blob, dtype=np.float32)
                        found[EmbeddingKey(model_id, digest)] = vector
        return found

    def put_many(self, vectors: Mapping[EmbeddingKey, np.ndarray]) -> None:
        """Store vectors in one transaction."""
        rows = (
            (key.model_id, key.text_sha256, np.asarray(vector, dtype=np.float32).tobytes())
            for key, vector in vectors.items()
        )
        with self._lock:
            connection = self._connect()
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO embeddings (model_id, text_sha256, vector)"
                    " VALUES (?, ?, ?)",
                    rows,
                )

    def close(self) -> None:
        """Release the SQLite connection (it is reopened on next use)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
