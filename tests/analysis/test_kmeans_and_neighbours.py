"""The building blocks: spherical k-means, the silhouette, and nearest neighbours at scale."""

import numpy as np
from sklearn.metrics import silhouette_score

from heard.analysis.kmeans import choose_k, silhouette, spherical_kmeans, unit_rows
from heard.analysis.neighbours import nearest_neighbours, smooth

from .fakes import blobs


def test_our_silhouette_is_scikit_learns():
    vectors, truth = blobs([40, 30, 20], seed=1)
    assert (
        abs(silhouette(vectors, truth) - silhouette_score(vectors, truth, metric="cosine")) < 1e-5
    )


def test_spherical_kmeans_recovers_groups_and_gives_unit_centroids():
    vectors, truth = blobs([50, 50, 50], seed=2)
    fit = spherical_kmeans(vectors, 3)
    assert len(set(zip(fit.labels, truth, strict=True))) == 3
    np.testing.assert_allclose(np.linalg.norm(fit.centroids, axis=1), 1.0, atol=1e-5)


def test_choosing_k_on_a_sample_still_sees_every_group():
    vectors, _ = blobs([2000, 1500, 1000, 500], seed=3)
    assert choose_k(vectors, range(2, 9), sample_size=600).k == 4


def test_unit_rows_leaves_zero_rows_alone_and_does_not_copy_unit_rows():
    vectors = np.array([[3.0, 4.0], [0.0, 0.0]], dtype=np.float32)
    np.testing.assert_allclose(unit_rows(vectors), [[0.6, 0.8], [0.0, 0.0]])
    already = unit_rows(vectors[:1])
    assert unit_rows(already) is already


def test_neighbours_found_by_cells_are_nearly_the_exact_ones():
    # Like real notes: many small groups of similar notes (isotropic noise is the worst case).
    vectors, _ = blobs([30] * 200, dimension=48, spread=0.6, seed=4)
    exact = nearest_neighbours(vectors, 10, exact_limit=len(vectors))
    approximate = nearest_neighbours(vectors, 10, exact_limit=100)
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approximate, exact, strict=True)])
    assert recall > 0.8
    assert not (approximate == np.arange(len(vectors))[:, None]).any()  # never itself


def test_smoothing_pulls_a_note_toward_its_neighbours():
    vectors, truth = blobs([100, 100], spread=1.2, seed=5)
    centres = unit_rows(np.vstack([vectors[truth == t].mean(axis=0) for t in (0, 1)]))
    before = (vectors * centres[truth]).sum(axis=1).mean()
    after = (smooth(vectors, 10) * centres[truth]).sum(axis=1).mean()
    assert after > before
