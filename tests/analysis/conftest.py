import pytest

from .fakes import WordEmbedder


@pytest.fixture
def fake_embedder() -> WordEmbedder:
    return WordEmbedder()
