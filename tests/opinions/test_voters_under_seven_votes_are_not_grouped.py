"""Polis groups only participants with at least 7 votes; the others are on the map only."""

import numpy as np

from heard.opinions.maths import find_opinion_groups, groupable

N = np.nan


def test_six_votes_are_not_enough_and_seven_are():
    votes = np.full((2, 10), N)
    votes[0, :6] = 1
    votes[1, :7] = 0  # passes count as votes
    assert groupable(votes).tolist() == [False, True]


def test_with_fewer_than_seven_comments_voting_on_all_of_them_is_enough():
    votes = np.array([[1, -1, 0, 1], [1, N, N, N]], dtype=float)
    assert groupable(votes).tolist() == [True, False]


def test_a_voter_under_seven_votes_has_no_group_and_does_not_count_in_any_groups_rates():
    first = [1, 1, 1, -1, -1, -1, 1, 1]
    second = [-1, -1, -1, 1, 1, 1, 1, 1]
    few = [-1, -1, -1, -1, -1, -1, N, N]  # six votes, all disagree
    votes = np.array([first] * 5 + [second] * 5 + [few], dtype=float)
    result = find_opinion_groups(votes, np.zeros(8, dtype=bool))

    assert result.group[-1] == -1
    assert sorted(result.group_sizes) == [5, 5]
    assert result.votes[:, 0].sum() == 10  # the eleventh voter's vote on s0 is not counted
    assert np.isfinite(result.points[-1]).all()  # but they are on the opinion map
