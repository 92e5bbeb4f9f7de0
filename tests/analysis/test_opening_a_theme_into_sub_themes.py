"""A theme opens into its specific concerns, and the theme's own words do not get in the way."""

import numpy as np
from sklearn.metrics import normalized_mutual_info_score

from heard.analysis.group import SubgroupSettings, subgroup
from heard.analysis.kmeans import unit_rows

from .fakes import blobs, notes_about


def test_it_finds_the_concerns_inside_one_theme():
    concerns, truth = blobs([40, 40, 40], dimension=32, spread=0.3, seed=1)
    theme_direction = np.random.default_rng(0).standard_normal(32)
    # Everything shares a strong theme direction; the concerns are small departures from it.
    vectors = unit_rows(3 * unit_rows(theme_direction[None, :]) + concerns)
    grouping = subgroup(vectors)
    assert 3 <= grouping.theme_count <= 5
    assert normalized_mutual_info_score(truth, grouping.labels) > 0.8


def test_the_words_every_note_shares_are_left_out_of_the_second_look(fake_embedder):
    texts, truth = notes_about(
        {
            # Twelve words each: no concern's word is in more than a fifth of the notes.
            "heat": "heater radiator cold winter boiler freezing thermostat blanket chilly "
            "frost furnace draft",
            "mold": "mold damp bathroom ceiling leak smell stain window moisture fungus wet spores",
            "rent": "increase raise afford hike lease payment month notice pricey expensive "
            "doubling cost",
        },
        per_topic=20,
    )
    texts = [f"our landlord problem {text}" for text in texts]
    grouping = subgroup(fake_embedder.embed(texts), texts=texts, embedder=fake_embedder)
    stripped = fake_embedder.calls[-1]
    assert not any("landlord" in text for text in stripped)
    assert any("heater" in text for text in stripped)
    assert normalized_mutual_info_score(truth, grouping.labels) > 0.8


def test_sub_theme_centroids_live_in_the_embedding_space_for_assigning():
    vectors, _ = blobs([30, 30, 30], seed=2)
    grouping = subgroup(vectors)
    assert grouping.centroids.shape[1] == vectors.shape[1]
    np.testing.assert_allclose(np.linalg.norm(grouping.centroids, axis=1), 1.0, atol=1e-5)


def test_a_small_theme_is_not_cut_into_crumbs():
    vectors, _ = blobs([5, 5], seed=3)
    assert subgroup(vectors, settings=SubgroupSettings()).theme_count <= 2
