"""Common ground: every group's smoothed agree rate >= 60%, and at least 20 votes in all."""

import numpy as np

from heard.opinions.maths import find_opinion_groups, is_common_ground


def test_exactly_sixty_percent_in_every_group_is_common_ground():
    # (11+1)/(18+2) = 0.6 in both groups, 36 votes.
    assert is_common_ground(np.array([[11.0], [11.0]]), np.array([[18.0], [18.0]]))[0]


def test_one_group_below_sixty_percent_is_not_common_ground():
    # Group B: (10+1)/(18+2) = 0.55, though group A is at 0.6 and the total is 36 votes.
    assert not is_common_ground(np.array([[11.0], [10.0]]), np.array([[18.0], [18.0]]))[0]


def test_the_smoothing_keeps_a_few_unanimous_votes_from_counting_as_everyone():
    # 1 of 1 agree is (1+1)/(1+2) = 0.67; 0 of 1 is 1/3: the rate is never 0% or 100%.
    assert not is_common_ground(np.array([[25.0], [0.0]]), np.array([[25.0], [1.0]]))[0]


def test_nineteen_votes_are_too_few_and_twenty_are_enough():
    agrees = np.array([[9.0, 10.0], [10.0, 10.0]])
    votes = np.array([[9.0, 10.0], [10.0, 10.0]])  # 19 votes, then 20; all agree
    assert is_common_ground(agrees, votes).tolist() == [False, True]


def test_a_statement_every_voter_agrees_with_is_common_ground_and_a_divisive_one_is_not():
    first = [1, 1, 1, -1, -1, -1, 1]
    second = [-1, -1, -1, 1, 1, 1, 1]
    votes = np.array([first] * 12 + [second] * 12, dtype=float)
    result = find_opinion_groups(votes, np.zeros(7, dtype=bool))
    assert result.k == 2
    assert result.common_ground.tolist() == [False] * 6 + [True]
