"""Tiny or unanimous conversations: one group or none, never a crash or a warning."""

import warnings

import numpy as np
import pytest

from heard.opinions.maths import find_opinion_groups

N = np.nan


@pytest.fixture(autouse=True)
def warnings_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_one_voter_is_one_group_scored_by_their_own_votes():
    votes = np.array([[1, -1, 0, 1, 1, 1, 1]], dtype=float)
    result = find_opinion_groups(votes, np.zeros(7, dtype=bool))
    assert result.k == 1 and result.group.tolist() == [0]
    # An agree: (1+1)/(1+2) = 2/3; a disagree or a pass: 1/3.
    assert result.consensus[:3] == pytest.approx([2 / 3, 1 / 3, 1 / 3])


def test_voters_who_all_vote_alike_are_one_group():
    votes = np.ones((3, 7))
    result = find_opinion_groups(votes, np.zeros(7, dtype=bool))
    assert result.k == 1
    assert result.consensus == pytest.approx([4 / 5] * 7)


def test_when_nobody_has_seven_votes_nothing_is_grouped_or_scored():
    votes = np.full((2, 8), N)
    votes[0, 0] = votes[1, 1] = 1
    result = find_opinion_groups(votes, np.zeros(8, dtype=bool))
    assert result.k == 0
    assert result.group.tolist() == [-1, -1]
    assert not result.scored.any() and not result.common_ground.any()
