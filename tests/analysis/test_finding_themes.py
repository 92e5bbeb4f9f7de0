"""find_themes, end to end on made-up notes with a stand-in model."""

import subprocess
import sys

import numpy as np
import pytest
from sklearn.metrics import normalized_mutual_info_score

from heard.analysis.cache import SqliteEmbeddingCache
from heard.analysis.embed import CachedEmbedder
from heard.analysis.lexical import STOP_WORDS
from heard.analysis.pipeline import find_themes

from .fakes import TOPICS, notes_about


@pytest.fixture
def notes():
    return notes_about(TOPICS, per_topic=40)


def test_it_finds_the_themes_names_them_and_quotes_them(notes, fake_embedder):
    texts, truth = notes
    result = find_themes(texts, embedder=fake_embedder)
    assert len(result.themes) == 3
    assert normalized_mutual_info_score(truth, result.note_themes) > 0.9
    vocabulary = {word for topic in TOPICS.values() for word in topic.split()}
    for theme in result.themes:
        words = [word.strip(",.").lower() for word in theme.label.split()]
        assert {word for word in words if word not in STOP_WORDS} <= vocabulary
        assert len(words) <= 8
        assert len(theme.quote_indices) == 3
        assert all(result.note_themes[i] == theme.id for i in theme.quote_indices)
        assert theme.size == int((result.note_themes == theme.id).sum())
    assert abs(sum(t.share for t in result.themes) + result.unclear_count / len(texts) - 1) < 1e-6


def test_ready_embeddings_are_used_as_they_are(notes, fake_embedder):
    texts, _ = notes
    vectors = fake_embedder.embed(texts)
    result = find_themes(texts, embeddings=vectors)
    assert len(fake_embedder.calls) == 1
    assert len(result.note_themes) == len(texts)


def test_an_empty_note_is_unclear(notes, fake_embedder):
    texts, _ = notes
    result = find_themes([*texts, "", "   "], embedder=fake_embedder)
    assert list(result.note_themes[-2:]) == [-1, -1]
    assert result.unclear_count >= 2


def test_sub_themes_have_their_own_ids_and_their_notes_are_in_the_theme(fake_embedder):
    texts, _ = notes_about(
        {
            "heat": "heater radiator cold winter boiler freezing",
            "mold": "mold damp bathroom ceiling leak smell",
            "rent": "increase raise afford hike lease deposit",
            "bus": "bus route fare schedule driver shelter",
        },
        per_topic=30,
    )
    texts = [f"{'landlord' if n < 90 else 'transit'} {text}" for n, text in enumerate(texts)]
    result = find_themes(texts, embedder=fake_embedder)
    ids = [theme.id for theme in result.all_themes()]
    assert len(ids) == len(set(ids))
    for theme in result.themes:
        for child in theme.children:
            assert child.parent == theme.id
            inside = np.flatnonzero(result.note_subthemes == child.id)
            assert len(inside) == child.size
            assert (result.note_themes[inside] == theme.id).all()
    assert result.theme(ids[-1]).id == ids[-1]


def test_only_eligible_notes_are_quoted(notes, fake_embedder):
    texts, _ = notes
    eligible = np.arange(len(texts)) % 2 == 0
    result = find_themes(texts, embedder=fake_embedder, eligible=eligible)
    quoted = [i for theme in result.all_themes() for i in theme.quote_indices]
    assert quoted and all(eligible[i] for i in quoted)


def test_mismatched_inputs_are_refused(notes):
    texts, _ = notes
    with pytest.raises(ValueError, match="embeddings"):
        find_themes(texts, embeddings=np.zeros((3, 8), dtype=np.float32))
    with pytest.raises(ValueError, match="eligible"):
        find_themes(texts, embeddings=np.zeros((len(texts), 8)), eligible=[True])


def test_the_analysis_library_never_imports_django():
    code = (
        "import sys, heard.analysis.pipeline, heard.analysis.embed, heard.analysis.cache;"
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    finished = subprocess.run([sys.executable, "-c", code], check=False)  # noqa: S603
    assert finished.returncode == 0


def test_progress_covers_the_notes_then_the_sub_theme_pass(fake_embedder):
    texts, _ = notes_about(TOPICS, per_topic=40)
    reports: list[tuple[int, int]] = []
    result = find_themes(
        texts, embedder=fake_embedder, progress=lambda d, t: reports.append((d, t))
    )
    opened = sum(theme.size for theme in result.themes if theme.size >= 12)
    assert reports[0] == (len(texts), len(texts))
    assert reports[-1] == (opened, opened)
    assert all(done <= total for done, total in reports)


def test_opening_themes_on_several_threads_gives_the_same_sub_themes(notes, fake_embedder):
    texts, _ = notes
    vectors = fake_embedder.embed(texts)
    one = find_themes(texts, embeddings=vectors, workers=1)
    four = find_themes(texts, embeddings=vectors, workers=4)
    np.testing.assert_array_equal(one.note_subthemes, four.note_subthemes)
    assert [(t.label, t.quote_indices) for t in one.all_themes()] == [
        (t.label, t.quote_indices) for t in four.all_themes()
    ]


def test_sub_themes_re_embed_through_a_file_cache_on_several_threads(fake_embedder, tmp_path):
    # As `heard themes` runs: the model behind a SQLite cache, themes opened on worker threads.
    texts, _ = notes_about(TOPICS, per_topic=40)
    cached = CachedEmbedder(fake_embedder, SqliteEmbeddingCache(tmp_path))
    result = find_themes(texts, embedder=cached, workers=4)
    alone = find_themes(texts, embedder=fake_embedder, workers=1)
    assert any(theme.children for theme in result.themes)
    np.testing.assert_array_equal(result.note_subthemes, alone.note_subthemes)
