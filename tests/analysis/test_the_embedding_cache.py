"""Each text is embedded once per model, ever: the cache protocol and its SQLite file."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from heard.analysis.cache import (
    EmbeddingKey,
    MemoryEmbeddingCache,
    SqliteEmbeddingCache,
    default_cache_dir,
    text_sha256,
)
from heard.analysis.embed import CachedEmbedder


def key(text: str, model: str = "m") -> EmbeddingKey:
    return EmbeddingKey(model, text_sha256(text))


@pytest.fixture(params=["memory", "sqlite"])
def cache(request, tmp_path):
    return MemoryEmbeddingCache() if request.param == "memory" else SqliteEmbeddingCache(tmp_path)


def test_it_returns_only_the_vectors_it_holds(cache):
    vector = np.arange(4, dtype=np.float32)
    cache.put_many({key("rent is too high"): vector})
    found = cache.get_many([key("rent is too high"), key("the bus is late")])
    assert list(found) == [key("rent is too high")]
    np.testing.assert_array_equal(found[key("rent is too high")], vector)


def test_vectors_of_different_models_never_mix(cache):
    cache.put_many({key("rent", "model-a"): np.ones(3, dtype=np.float32)})
    assert cache.get_many([key("rent", "model-b")]) == {}


def test_the_sqlite_cache_keeps_vectors_between_runs(tmp_path):
    SqliteEmbeddingCache(tmp_path).put_many({key("rent"): np.full(3, 0.5, dtype=np.float32)})
    again = SqliteEmbeddingCache(tmp_path).get_many([key("rent")])
    np.testing.assert_array_equal(again[key("rent")], np.full(3, 0.5, dtype=np.float32))
    assert (tmp_path / "embeddings.sqlite3").is_file()


def test_the_sqlite_cache_answers_more_keys_than_sqlite_allows_in_one_query(tmp_path):
    cache = SqliteEmbeddingCache(tmp_path)
    vectors = {key(str(n)): np.full(2, n, dtype=np.float32) for n in range(1500)}
    cache.put_many(vectors)
    assert len(cache.get_many(list(vectors))) == 1500


def test_the_key_is_the_exact_text_so_different_spacing_is_a_different_text():
    assert text_sha256("rent") != text_sha256("rent ")
    assert text_sha256("renta") == text_sha256("renta")


def test_the_cache_folder_follows_heard_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("HEARD_CACHE_DIR", str(tmp_path / "here"))
    assert default_cache_dir() == tmp_path / "here"
    monkeypatch.delenv("HEARD_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "heard" / "embeddings"


def test_the_cached_embedder_never_embeds_the_same_text_twice(fake_embedder, tmp_path):
    embedder = CachedEmbedder(fake_embedder, SqliteEmbeddingCache(tmp_path))
    first = embedder.embed(["rent is high", "bus is late", "rent is high"])
    second = embedder.embed(["bus is late", "streets are dark"])
    assert fake_embedder.embedded == ["rent is high", "bus is late", "streets are dark"]
    np.testing.assert_allclose(first[1], second[0])
    np.testing.assert_allclose(first[0], first[2])


def test_a_fully_cached_run_reports_no_progress_and_does_not_call_the_model(fake_embedder):
    embedder = CachedEmbedder(fake_embedder, MemoryEmbeddingCache())
    embedder.embed(["rent is high"])
    reports = []
    embedder.embed(["rent is high"], progress=lambda done, total: reports.append((done, total)))
    assert reports == []
    assert len(fake_embedder.calls) == 1


def test_the_sqlite_cache_serves_threads_other_than_the_one_that_opened_it(tmp_path):
    # find_themes opens themes into sub-themes on worker threads, and each re-embeds through the
    # same cache the main thread used first.
    cache = SqliteEmbeddingCache(tmp_path)
    cache.put_many({key("rent"): np.ones(3, dtype=np.float32)})
    texts = [f"note {n}" for n in range(40)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda t: cache.put_many({key(t): np.zeros(3, dtype=np.float32)}), texts))
        found = list(pool.map(lambda t: cache.get_many([key(t), key("rent")]), texts))
    assert all(len(each) == 2 for each in found)
