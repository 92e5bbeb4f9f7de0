"""Stand-ins for the model, so most tests need neither the model file nor its speed."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from heard.analysis.embed import Progress
from heard.analysis.kmeans import unit_rows
from heard.analysis.lexical import is_content_word, words


def word_vector(word: str, dimension: int) -> np.ndarray:
    seed = int(hashlib.sha256(word.encode()).hexdigest()[:16], 16)
    return np.random.default_rng(seed).standard_normal(dimension).astype(np.float32)


class WordEmbedder:
    """A note's vector is the sum of its words' (fixed random) vectors: notes sharing words are
    close, like paraphrases under the real model. Records every call, to count embeddings."""

    model_id = "fake-words"
    dimension = 64

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        self.calls.append(list(texts))
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in words(text):
                # Like a real model, little weight on "the", "and", "para".
                weight = 1.0 if is_content_word(word) else 0.1
                vectors[row] += weight * word_vector(word, self.dimension)
        if progress is not None:
            progress(len(texts), len(texts))
        return unit_rows(vectors)

    @property
    def embedded(self) -> list[str]:
        return [text for call in self.calls for text in call]


def blobs(
    sizes: Sequence[int], *, dimension: int = 32, spread: float = 0.35, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors in well-separated groups: (vectors, true group per vector)."""
    rng = np.random.default_rng(seed)
    centres = unit_rows(rng.standard_normal((len(sizes), dimension)))
    truth = np.repeat(np.arange(len(sizes)), sizes)
    noise = rng.standard_normal((len(truth), dimension)) * spread / np.sqrt(dimension)
    return unit_rows(centres[truth] + noise), truth


TOPICS = {
    "housing": "rent landlord repairs heater mold eviction lease deposit apartment",
    "transit": "bus route fare schedule driver shelter transfer subway station",
    "safety": "streetlights crossing traffic speeding sidewalk crosswalk lighting patrol corner",
}


def notes_about(
    topics: dict[str, str], per_topic: int, *, seed: int = 0
) -> tuple[list[str], list[int]]:
    """Short made-up notes, each using five words of one topic's vocabulary."""
    rng = np.random.default_rng(seed)
    texts: list[str] = []
    truth: list[int] = []
    for number, vocabulary in enumerate(topics.values()):
        pool = vocabulary.split()
        for _ in range(per_topic):
            chosen = rng.choice(pool, size=5, replace=False)
            texts.append("they said the " + " and the ".join(chosen))
            truth.append(number)
    return texts, truth
