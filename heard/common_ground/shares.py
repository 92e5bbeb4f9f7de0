"""Is a theme common ground, one side's concern, or too few to tell? The arithmetic, with no
database: counts in, verdicts out.

For each side of a divide, a theme's *share* is the part of that side's conversations placed in
it. Three rules, in words an organizer can check:

- **Too few to tell** when fewer than two sides have at least `MIN_SIDE` conversations, or the
  theme was raised fewer than `MIN_RAISED` times on the sides that do. A side with fewer
  conversations is shown but not judged: a share of 1 in 3 is noise.
- **One side's concern** when one side's share is clearly higher than another's: their 95%
  Wilson intervals do not overlap (non-overlapping intervals is a stricter test than a
  5% two-proportion test, so a theme is called divisive only on strong evidence).
- **Common ground** when it was raised at least `MIN_RAISED_PER_SIDE` times on every side that
  is judged and no side's share clearly differs. Otherwise (absent on one small side, or
  unclear): too few to tell.

Themes are ordered by *group-informed consensus*, the product over judged sides of the smoothed
share (raised + 1) / (heard + 2), the score Polis uses for statements across opinion groups
(Small et al. 2021): high only when the theme is raised on every side at once, and a side with
few conversations pulls it towards one half instead of to zero. Because it multiplies shares,
compare it between themes on the same divide, not across divides with different numbers of
sides.

Intervals are scipy's Wilson score interval (good for small counts and shares near 0, unlike
the normal approximation).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from scipy.stats import binomtest

MIN_SIDE = 10
MIN_RAISED = 5
MIN_RAISED_PER_SIDE = 2
CONFIDENCE = 0.95

COMMON, ONE_SIDE, FEW = "common", "one_side", "few"


@dataclass(frozen=True)
class SideShare:
    side: str
    label: str
    raised: int  # conversations on this side placed in the theme
    heard: int  # conversations on this side with a note (in a theme, or unclear)
    low: float
    high: float

    @property
    def share(self) -> float:
        return self.raised / self.heard if self.heard else 0.0

    @property
    def smoothed(self) -> float:
        return (self.raised + 1) / (self.heard + 2)

    @property
    def judged(self) -> bool:
        return self.heard >= MIN_SIDE


@dataclass
class Verdict:
    kind: str
    consensus: float
    sides: list[SideShare]
    higher: SideShare | None = None  # for one side's concern: the side that raised it most...
    lower: SideShare | None = None  # ...and a side clearly below it
    reasons: list[str] = field(default_factory=list)

    @property
    def typical_share(self) -> float:
        """The consensus as one share: the geometric mean over the judged sides, i.e. the
        share that, raised on every side, gives the same product (readable on the page, where
        the product of seven shares would print as 0.000)."""
        judged = sum(1 for s in self.sides if s.judged)
        return self.consensus ** (1 / judged) if judged else 0.0


def interval(raised: int, heard: int) -> tuple[float, float]:
    if heard == 0:
        return 0.0, 1.0
    ci = binomtest(raised, heard).proportion_ci(confidence_level=CONFIDENCE, method="wilson")
    return float(ci.low), float(ci.high)


def side_shares(raised: dict[str, int], heard: dict[str, int], labels: dict[str, str]):
    """One SideShare per side that heard anything, in the order of `labels`, then the rest."""
    order = [s for s in labels if heard.get(s)] + sorted(s for s in heard if s not in labels)
    return [
        SideShare(
            s, labels.get(s, s), raised.get(s, 0), heard[s], *interval(raised.get(s, 0), heard[s])
        )
        for s in order
        if heard.get(s)
    ]


def consensus(sides: list[SideShare]) -> float:
    judged = [s for s in sides if s.judged]
    return math.prod(s.smoothed for s in judged) if judged else 0.0


def judge(sides: list[SideShare]) -> Verdict:
    judged = [s for s in sides if s.judged]
    score = consensus(sides)
    if len(judged) < 2:
        return Verdict(
            FEW,
            score,
            sides,
            reasons=[_("fewer than two sides with %(count)d conversations") % {"count": MIN_SIDE}],
        )
    if sum(s.raised for s in judged) < MIN_RAISED:
        return Verdict(
            FEW,
            score,
            sides,
            reasons=[_("raised fewer than %(count)d times") % {"count": MIN_RAISED}],
        )
    higher = max(judged, key=lambda s: (s.low, s.share))
    lower = min(judged, key=lambda s: (s.high, s.share))
    if higher.low > lower.high:
        return Verdict(ONE_SIDE, score, sides, higher=higher, lower=lower)
    if all(s.raised >= MIN_RAISED_PER_SIDE for s in judged):
        return Verdict(COMMON, score, sides)
    missing = [s.label for s in judged if s.raised < MIN_RAISED_PER_SIDE]
    return Verdict(
        FEW,
        score,
        sides,
        reasons=[
            _("raised fewer than %(count)d times on %(sides)s")
            % {"count": MIN_RAISED_PER_SIDE, "sides": ", ".join(missing)}
        ],
    )
