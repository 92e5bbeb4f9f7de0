"""Grouping finds how many themes there are, the same way every time, and stays honest about
notes that fit none."""

from dataclasses import replace

import numpy as np
from sklearn.metrics import normalized_mutual_info_score

from heard.analysis.group import UNCLEAR, GroupSettings, assign, group, theme_counts

from .fakes import blobs


def test_it_finds_the_number_of_themes_itself():
    vectors, truth = blobs([120, 90, 60, 40, 30])
    grouping = group(vectors)
    assert grouping.theme_count == 5
    assert normalized_mutual_info_score(truth, grouping.labels) > 0.95


def test_the_same_notes_give_the_same_themes():
    vectors, _ = blobs([80, 80, 80], seed=3)
    first, second = group(vectors), group(vectors.copy())
    np.testing.assert_array_equal(first.labels, second.labels)
    np.testing.assert_array_equal(first.centroids, second.centroids)


def test_the_number_of_threads_never_changes_the_themes():
    vectors, _ = blobs([300, 200, 150, 90, 60], seed=4)
    one = group(vectors, settings=GroupSettings(workers=1, sample_size=400))
    four = group(vectors, settings=GroupSettings(workers=4, sample_size=400))
    np.testing.assert_array_equal(one.labels, four.labels)
    np.testing.assert_array_equal(one.centroids, four.centroids)
    assert one.silhouettes == four.silhouettes


def test_themes_are_numbered_largest_first():
    vectors, _ = blobs([30, 120, 60], seed=1)
    sizes = np.bincount(group(vectors).labels[group(vectors).labels >= 0])
    assert list(sizes) == sorted(sizes, reverse=True)


def test_a_note_unlike_every_theme_is_unclear_but_unclear_stays_small():
    vectors, _ = blobs([100, 100, 100], seed=2)
    stray = -vectors.mean(axis=0, keepdims=True)  # points away from every theme
    grouping = group(np.vstack([vectors, stray / np.linalg.norm(stray)]))
    assert grouping.labels[-1] == UNCLEAR
    assert (grouping.labels == UNCLEAR).mean() <= 0.05


def test_unclear_never_passes_the_share_even_when_nothing_fits_well():
    noise = np.random.default_rng(0).standard_normal((400, 64)).astype(np.float32)
    grouping = group(noise)
    assert (grouping.labels == UNCLEAR).mean() <= 0.05


def test_scores_are_each_notes_cosine_to_its_theme():
    vectors, _ = blobs([50, 50], seed=4)
    grouping = group(vectors)
    inside = grouping.labels >= 0
    expected = (vectors[inside] * grouping.centroids[grouping.labels[inside]]).sum(axis=1)
    np.testing.assert_allclose(grouping.scores[inside], expected, atol=1e-5)


def test_a_theme_that_swallows_the_campaign_is_opened_into_its_concerns():
    # Four concerns, but the first look (here held to two themes) sees halves of the campaign.
    notes, truth = blobs([30, 30, 30, 30], dimension=32, spread=1.2, seed=6)
    halves = GroupSettings(max_themes=2)
    grouping = group(notes, settings=halves)
    sizes = np.bincount(grouping.labels[grouping.labels >= 0])
    assert grouping.theme_count >= 3
    assert sizes.max() <= len(notes) / 3
    assert normalized_mutual_info_score(truth, grouping.labels) > 0.6
    unopened = group(notes, settings=replace(halves, open_above_share=None))
    assert unopened.theme_count == 2


def test_a_big_theme_that_stands_clearly_apart_is_left_whole():
    vectors, truth = blobs([150, 60, 50, 40])
    grouping = group(vectors)
    assert grouping.theme_count == 4
    assert normalized_mutual_info_score(truth, grouping.labels) > 0.95


def test_a_rerun_keeps_the_themes_and_new_notes_join_them():
    vectors, truth = blobs([80, 60, 40], seed=11)
    old = np.arange(len(vectors)) % 10 != 0
    first = group(vectors[old])
    previous = np.full(len(vectors), -1)
    previous[old] = first.labels
    again = group(vectors, previous=previous)
    np.testing.assert_array_equal(again.labels[old], first.labels)
    assert normalized_mutual_info_score(truth, again.labels) > 0.95


def test_a_rerun_with_nothing_new_moves_nothing():
    vectors, _ = blobs([200, 150, 100, 80, 60], dimension=64, spread=0.9, seed=12)
    first = group(vectors)
    again = group(vectors, previous=first.labels)
    np.testing.assert_array_equal(again.labels, first.labels)


def test_too_few_notes_make_one_theme_and_none_make_none():
    vectors, _ = blobs([3], seed=6)
    assert group(vectors).theme_count == 1
    empty = group(np.zeros((0, 32), dtype=np.float32))
    assert empty.theme_count == 0 and len(empty.labels) == 0


def test_new_notes_join_the_theme_they_are_closest_to():
    vectors, truth = blobs([60, 60, 60], seed=7)
    grouping = group(vectors[::2])
    labels, scores = assign(vectors[1::2], grouping.centroids)
    assert normalized_mutual_info_score(truth[1::2], labels) > 0.95
    assert (scores > 0.5).all()


def test_a_new_note_that_fits_no_theme_is_unclear_by_the_same_rule():
    vectors, _ = blobs([60, 60], seed=8)
    grouping = group(vectors)
    away = -grouping.centroids.sum(axis=0, keepdims=True)
    labels, scores = assign(away, grouping.centroids, unclear_below=grouping.unclear_below)
    assert labels[0] == UNCLEAR and scores[0] < grouping.unclear_below


def test_assigning_hundreds_of_notes_takes_milliseconds():
    import time

    vectors, _ = blobs([500] * 40, dimension=384, seed=9)
    centroids = vectors[::500]
    start = time.perf_counter()
    assign(vectors[:500], centroids)
    assert time.perf_counter() - start < 0.05


def test_k_candidates_are_dense_when_small_and_sparse_when_large():
    assert theme_counts(2, 6) == [2, 3, 4, 5, 6]
    large = theme_counts(2, 40)
    assert large[:11] == list(range(2, 13)) and large[-1] == 40 and len(large) < 30
