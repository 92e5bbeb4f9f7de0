"""Embedding notes through the database cache, so a text is embedded once per model, ever."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

import numpy as np
from django.conf import settings
from django.db.models import Q
from django.utils.module_loading import import_string

from heard.analysis.cache import EmbeddingKey
from heard.analysis.embed import CachedEmbedder, Embedder

from .models import NoteEmbedding

# Rows per query: SQLite builds older than 3.32 allow 999 bound variables.
_CHUNK = 400


class DatabaseEmbeddingCache:
    """`heard.analysis.cache.EmbeddingCache` on the NoteEmbedding table."""

    def get_many(self, keys: Sequence[EmbeddingKey]) -> dict[EmbeddingKey, np.ndarray]:
        by_model: dict[str, list[str]] = {}
        for key in keys:
            by_model.setdefault(key.model_id, []).append(key.text_sha256)
        found: dict[EmbeddingKey, np.ndarray] = {}
        for model_id, hashes in by_model.items():
            unique = list(dict.fromkeys(hashes))
            for start in range(0, len(unique), _CHUNK):
                rows = NoteEmbedding.objects.filter(
                    model_id=model_id, text_sha256__in=unique[start : start + _CHUNK]
                ).values_list("text_sha256", "vector")
                for digest, blob in rows:
                    found[EmbeddingKey(model_id, digest)] = np.frombuffer(
                        bytes(blob), dtype=np.float32
                    )
        return found

    def put_many(self, vectors: Mapping[EmbeddingKey, np.ndarray]) -> None:
        """Store vectors; a key already held keeps its row (same text, same model, same vector)."""
        rows = [
            NoteEmbedding(
                model_id=key.model_id,
                text_sha256=key.text_sha256,
                vector=np.asarray(vector, dtype=np.float32).tobytes(),
            )
            for key, vector in vectors.items()
        ]
        # Two workers may embed the same new text at once; the second insert is simply skipped.
        NoteEmbedding.objects.bulk_create(rows, batch_size=_CHUNK, ignore_conflicts=True)

    def delete_texts(self, hashes: Sequence[str]) -> int:
        """Forget the vectors of these texts (all models): part of erasing a person's words."""
        deleted = 0
        for start in range(0, len(hashes), _CHUNK):
            deleted += NoteEmbedding.objects.filter(
                Q(text_sha256__in=hashes[start : start + _CHUNK])
            ).delete()[0]
        return deleted


@cache
def _load(path: str) -> Embedder:
    # One model per process: a worker loads the model once and keeps it for every task.
    return import_string(path)()


def base_embedder() -> Embedder:
    """The model that turns notes into vectors: `settings.HEARD_EMBEDDER` (a dotted path to a
    class), the multilingual sentence encoder by default. Tests replace this with a fake."""
    return _load(getattr(settings, "HEARD_EMBEDDER", "heard.analysis.embed.MultilingualEmbedder"))


def note_embedder() -> CachedEmbedder:
    """The model behind the database cache: only texts never seen before reach the model."""
    return CachedEmbedder(base_embedder(), DatabaseEmbeddingCache())
