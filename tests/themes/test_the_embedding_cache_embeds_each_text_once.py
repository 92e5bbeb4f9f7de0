import numpy as np
import pytest
from django.db import IntegrityError
from themes_factories import add_conversation, topic_note

from heard.analysis.cache import EmbeddingCache, EmbeddingKey, text_sha256
from heard.themes.embedding import DatabaseEmbeddingCache
from heard.themes.models import NoteEmbedding
from heard.themes.services import theme_campaign


def test_a_rerun_embeds_nothing_it_has_seen(campaign, listened, fake_embedder):
    first = theme_campaign(campaign=campaign)
    embedded = fake_embedder.texts_embedded

    second = theme_campaign(campaign=campaign)

    assert first.newly_embedded == len(
        {c.answers.first().text for cs in listened.values() for c in cs}
    )
    assert second.newly_embedded == 0
    assert fake_embedder.texts_embedded == embedded


def test_a_rerun_embeds_only_the_new_notes(campaign, listened, organizer, fake_embedder):
    theme_campaign(campaign=campaign)
    embedded = fake_embedder.texts_embedded
    for n in range(3):
        add_conversation(campaign, organizer, topic_note("park", n) + f" new note {n}")

    run = theme_campaign(campaign=campaign)

    assert run.newly_embedded == 3
    assert fake_embedder.texts_embedded == embedded + 3


def test_the_table_follows_the_analysis_cache_protocol(db):
    cache = DatabaseEmbeddingCache()
    key = EmbeddingKey("model-a", text_sha256("the rent went up"))
    other = EmbeddingKey("model-b", key.text_sha256)

    cache.put_many({key: np.array([0.6, 0.8], dtype=np.float32)})

    assert isinstance(cache, EmbeddingCache)
    found = cache.get_many([key, other])
    assert list(found) == [key]  # another model's vector of the same text is a miss
    assert found[key].dtype == np.float32
    np.testing.assert_allclose(found[key], [0.6, 0.8])


def test_storing_the_same_text_twice_keeps_one_row(db):
    cache = DatabaseEmbeddingCache()
    key = EmbeddingKey("model-a", text_sha256("hello"))

    cache.put_many({key: np.ones(4, dtype=np.float32)})
    cache.put_many({key: np.ones(4, dtype=np.float32)})

    assert NoteEmbedding.objects.count() == 1


def test_the_database_refuses_a_duplicate_key(db):
    NoteEmbedding.objects.create(model_id="m", text_sha256="a" * 64, vector=b"\0" * 4)
    with pytest.raises(IntegrityError):
        NoteEmbedding.objects.create(model_id="m", text_sha256="a" * 64, vector=b"\0" * 4)
