"""The arithmetic of the Common ground page, on counts small enough to check by hand."""

import math

import pytest

from heard.common_ground import shares
from heard.common_ground.shares import COMMON, FEW, ONE_SIDE, judge, side_shares

LABELS = {"r": "Renters", "o": "Owners", "n": "Newcomers"}


def verdict(raised: dict, heard: dict):
    return judge(side_shares(raised, heard, LABELS))


def test_a_theme_raised_alike_on_every_side_is_common_ground():
    found = verdict({"r": 8, "o": 6}, {"r": 40, "o": 30})
    assert found.kind == COMMON
    # Group-informed consensus: (8+1)/(40+2) × (6+1)/(30+2).
    assert found.consensus == pytest.approx(9 / 42 * 7 / 32)
    assert found.typical_share == pytest.approx(math.sqrt(9 / 42 * 7 / 32))


def test_a_theme_clearly_higher_on_one_side_is_that_sides_concern():
    found = verdict({"r": 20, "o": 1}, {"r": 40, "o": 40})
    assert found.kind == ONE_SIDE
    assert (found.higher.label, found.lower.label) == ("Renters", "Owners")
    # 20 of 40 is 0.35-0.65 (Wilson); 1 of 40 is 0.004-0.13: the intervals do not overlap.
    assert found.higher.low > found.lower.high


def test_overlapping_intervals_are_not_called_divisive():
    # 6 of 30 against 2 of 30 looks threefold, but the intervals overlap: not clearly one side's.
    found = verdict({"r": 6, "o": 2}, {"r": 30, "o": 30})
    assert found.kind == COMMON
    found = verdict({"r": 6, "o": 1}, {"r": 30, "o": 30})
    assert found.kind == FEW
    assert found.reasons == ["raised fewer than 2 times on Owners"]


def test_a_side_with_few_conversations_is_shown_but_not_judged():
    found = verdict({"r": 10, "o": 8, "n": 0}, {"r": 40, "o": 40, "n": 4})
    assert found.kind == COMMON  # absent among 4 newcomers' conversations proves nothing
    newcomers = next(s for s in found.sides if s.side == "n")
    assert not newcomers.judged
    assert found.consensus == pytest.approx(11 / 42 * 9 / 42)


def test_too_few_to_tell():
    assert verdict({"r": 3}, {"r": 40, "o": 9}).kind == FEW  # one judged side
    assert verdict({"r": 2, "o": 2}, {"r": 40, "o": 40}).kind == FEW  # raised 4 times in all


def test_the_interval_is_wilsons():
    low, high = shares.interval(3, 10)
    # Wilson score interval for 3 of 10 at 95%, to three places.
    assert (round(low, 3), round(high, 3)) == (0.108, 0.603)
    assert shares.interval(0, 0) == (0.0, 1.0)


def test_sides_come_in_the_divides_order_and_empty_ones_are_left_out():
    found = side_shares({"o": 1}, {"o": 10, "r": 10, "n": 0}, LABELS)
    assert [s.label for s in found] == ["Renters", "Owners"]
