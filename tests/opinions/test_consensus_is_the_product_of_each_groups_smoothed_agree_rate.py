"""Group-informed consensus, computed by hand on tiny matrices (Polis: conversation.clj)."""

import numpy as np
import pytest

from heard.opinions.maths import find_opinion_groups, group_informed_consensus, smoothed_rate

N = np.nan


def test_a_groups_agree_rate_is_smoothed_by_one_agree_and_one_disagree():
    # 3 agrees of 4 votes: (3+1)/(4+2) = 2/3; no votes at all: (0+1)/(0+2) = 1/2.
    assert smoothed_rate(np.array([3.0, 0.0]), np.array([4.0, 0.0])) == pytest.approx(
        [2 / 3, 1 / 2]
    )


def test_consensus_multiplies_the_groups_rates():
    # Statement 0: group A 3 of 4 agree -> 4/6; group B 1 of 2 -> 2/4; 4/6 * 2/4 = 1/3.
    # Statement 1: group A 0 of 4 -> 1/6; group B 2 of 2 -> 3/4; 1/6 * 3/4 = 1/8.
    agrees = np.array([[3.0, 0.0], [1.0, 2.0]])
    votes = np.array([[4.0, 4.0], [2.0, 2.0]])
    assert group_informed_consensus(agrees, votes) == pytest.approx([1 / 3, 1 / 8])


def test_a_small_group_that_disagrees_pulls_consensus_down_whatever_the_majority():
    # 100 of 100 agree in a big group, 0 of 5 in a small one: 101/102 * 1/7 < 0.15.
    agrees = np.array([[100.0], [0.0]])
    votes = np.array([[100.0], [5.0]])
    assert group_informed_consensus(agrees, votes)[0] == pytest.approx(101 / 102 * 1 / 7)
    assert group_informed_consensus(agrees, votes)[0] < 0.15


def test_the_whole_pipeline_gives_the_hand_computed_consensus_of_two_clear_camps():
    # Four voters agree with s0-s3 and reject s4-s6, four do the reverse; all agree with s7
    # except one of the first camp, who passes (a pass is a vote seen, not an agree).
    first = [1, 1, 1, 1, -1, -1, -1, 1]
    second = [-1, -1, -1, -1, 1, 1, 1, 1]
    votes = np.array([first, first, first, [*first[:7], 0], second, second, second, second])
    result = find_opinion_groups(votes.astype(float), np.zeros(8, dtype=bool))

    assert result.k == 2
    assert result.group_sizes == [4, 4]
    camp = result.group[0]
    assert set(result.group[:4]) == {camp} and set(result.group[4:]) == {1 - camp}
    # s7: camp one 3 of 4 agree -> 4/6; camp two 4 of 4 -> 5/6; 4/6 * 5/6 = 20/36.
    assert result.consensus[7] == pytest.approx(20 / 36)
    # s0: camp one 4 of 4 -> 5/6; camp two 0 of 4 -> 1/6; 5/36.
    assert result.consensus[0] == pytest.approx(5 / 36)
    # Each group's own rates are what was multiplied.
    assert result.agree_rates[camp, 7] == pytest.approx(4 / 6)
    assert result.agree_rates[1 - camp, 7] == pytest.approx(5 / 6)


def test_unseen_votes_are_not_counted_as_votes():
    # Same camps; the second camp never saw s7 (NaN): its rate there is the prior, 1/2.
    first = [1, 1, 1, 1, -1, -1, -1, 1]
    second = [-1, -1, -1, -1, 1, 1, 1, N]
    second_full = [-1, -1, -1, -1, 1, 1, 1, -1]
    votes = np.array([first] * 4 + [second] * 3 + [second_full], dtype=float)
    result = find_opinion_groups(votes, np.zeros(8, dtype=bool))
    camp_two = result.group[4]
    assert result.votes[camp_two, 7] == 1
    # camp one: 4 of 4 -> 5/6; camp two: 0 agrees of 1 vote -> 1/3.
    assert result.consensus[7] == pytest.approx(5 / 6 * 1 / 3)
