"""A comment moderated out (-1) is never scored and moves nobody on the map."""

import numpy as np

from heard.opinions.maths import find_opinion_groups


def camps(moderated_votes: tuple[int, int]) -> np.ndarray:
    first = [1, 1, 1, -1, -1, -1, 1, moderated_votes[0]]
    second = [-1, -1, -1, 1, 1, 1, 1, moderated_votes[1]]
    third = [1, 1, -1, -1, 1, -1, 1, moderated_votes[1]]
    return np.array([first] * 6 + [second] * 6 + [third] * 2, dtype=float)


MODERATED = np.array([False] * 7 + [True])


def test_a_moderated_out_comment_has_no_consensus_and_is_not_common_ground():
    result = find_opinion_groups(camps((1, 1)), MODERATED)
    assert np.isnan(result.consensus[7])
    assert not result.scored[7]
    assert not result.common_ground[7]
    assert all(rep.statement != 7 for chosen in result.representatives for rep in chosen)


def test_how_people_voted_on_a_moderated_out_comment_changes_no_group_and_no_score():
    agreeing = find_opinion_groups(camps((1, 1)), MODERATED)
    splitting = find_opinion_groups(camps((1, -1)), MODERATED)
    np.testing.assert_allclose(agreeing.points, splitting.points)
    assert agreeing.group.tolist() == splitting.group.tolist()
    np.testing.assert_allclose(agreeing.consensus[:7], splitting.consensus[:7])


def test_the_same_comment_when_not_moderated_out_does_split_the_map():
    kept = np.zeros(8, dtype=bool)
    agreeing = find_opinion_groups(camps((1, 1)), kept)
    splitting = find_opinion_groups(camps((1, -1)), kept)
    assert not np.allclose(agreeing.points, splitting.points)
