"""Emerging and fading themes: a change over time is shown only when a test says it is
unlikely to be chance.

The campaign's conversations (those with a note) are split at the median date into an earlier
and a later half. For each theme, Fisher's exact test compares its share in the two halves
(exact, so it holds for the small counts of a young campaign); the p-values of all the themes
are adjusted together with Benjamini–Hochberg (scipy's `false_discovery_control`), since testing
twenty themes at 5% would otherwise flag one by chance. A theme is *emerging* (or *fading*) when
its adjusted p-value is below 0.05 and its share rose (or fell).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scipy.stats import false_discovery_control, fisher_exact

ALPHA = 0.05
#: Fewer conversations than this in either half: no trend is claimed at all.
MIN_HALF = 20
TEST_NAME = "Fisher's exact test, Benjamini–Hochberg adjusted"

EMERGING, FADING, STEADY = "emerging", "fading", "steady"


@dataclass(frozen=True)
class Trend:
    theme_id: int
    before: int
    before_of: int
    after: int
    after_of: int
    p_adjusted: float
    kind: str

    @property
    def share_before(self) -> float:
        return self.before / self.before_of if self.before_of else 0.0

    @property
    def share_after(self) -> float:
        return self.after / self.after_of if self.after_of else 0.0


@dataclass(frozen=True)
class Timeline:
    split_on: dt.date | None  # the later half starts on this day
    before_of: int
    after_of: int
    trends: dict[int, Trend]


def split_date(days: list[dt.date]) -> dt.date | None:
    """The first day of the later half: the median day, moved so both halves hold something."""
    if not days:
        return None
    ordered = sorted(days)
    middle = ordered[len(ordered) // 2]
    if middle == ordered[0]:
        later = [d for d in ordered if d > middle]
        return later[0] if later else None
    return middle


def trends(rows: list[tuple[dt.date, int | None]]) -> Timeline:
    """`rows`: (day held, theme id or None for unclear) per conversation with a note."""
    split_on = split_date([day for day, _ in rows])
    if split_on is None:
        return Timeline(None, len(rows), 0, {})
    before_of = sum(1 for day, _ in rows if day < split_on)
    after_of = len(rows) - before_of
    if min(before_of, after_of) < MIN_HALF:
        return Timeline(split_on, before_of, after_of, {})
    counts: dict[int, list[int]] = {}
    for day, theme_id in rows:
        if theme_id is not None:
            counts.setdefault(theme_id, [0, 0])[day >= split_on] += 1
    themes = sorted(counts)
    p_values = [
        fisher_exact(
            [[counts[t][0], before_of - counts[t][0]], [counts[t][1], after_of - counts[t][1]]]
        ).pvalue
        for t in themes
    ]
    adjusted = false_discovery_control(p_values, method="bh") if p_values else []
    found = {}
    for theme_id, p in zip(themes, adjusted, strict=True):
        before, after = counts[theme_id]
        rose = after / after_of > before / before_of
        kind = STEADY if p >= ALPHA else EMERGING if rose else FADING
        found[theme_id] = Trend(theme_id, before, before_of, after, after_of, float(p), kind)
    return Timeline(split_on, before_of, after_of, found)
