"""The Common ground page of a campaign: for one divide, which themes every side raised, which
are one side's concern, and which are too few to tell (`shares`), with quotes from different
sides side by side, the "common ground found" answers, and the themes that are emerging or
fading (`timeline`).

Counts come from the conversations the member may see (`conversations_for`), in a few
queries whatever the size of the campaign: one for theme and day per conversation, one or two
for sides, one for quotes, one for the common-ground answers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from heard.accounts.models import Membership
from heard.campaigns.models import Campaign, Purpose
from heard.conversations.models import Answer, Quote
from heard.conversations.queries import conversations_for
from heard.people.consent import SHARED_QUOTES
from heard.themes.grouping import key_phrases
from heard.themes.models import Theme
from heard.themes.queries import themes_for

from . import shares, timeline
from .divides import DivideChoice, conversation_sides

QUOTE_MAX_CHARS = 300
FOUND_EXAMPLES = 6


@dataclass
class ThemeAcross:
    theme: Theme
    verdict: shares.Verdict
    quotes: list[tuple[str, Quote]] = field(default_factory=list)  # (side's name, quote)
    trend: timeline.Trend | None = None


@dataclass
class SideTotal:
    side: str
    label: str
    heard: int

    @property
    def judged(self) -> bool:
        return self.heard >= shares.MIN_SIDE


@dataclass
class FoundSummary:
    """The answers to the guide's "common ground found" question."""

    total: int = 0
    by_side: list[tuple[str, int]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    examples: list[tuple[str, str]] = field(default_factory=list)  # (side's name, answer)


@dataclass
class CommonGroundPage:
    campaign: Campaign
    divide: DivideChoice
    sides: list[SideTotal]
    heard: int  # conversations with a note that the member may see
    unplaced: int  # of those, on no side of this divide
    common: list[ThemeAcross]
    one_side: list[ThemeAcross]
    few: list[ThemeAcross]
    over_time: timeline.Timeline
    found: FoundSummary

    @property
    def scale(self) -> float:
        """The full length of every bar on the page: the largest upper bound of a judged side
        (a side too small to judge has an interval so wide it would flatten every other bar;
        its bar is cut at the end instead)."""
        every = self.common + self.one_side + self.few
        highs = [s.high for t in every for s in t.verdict.sides if s.judged]
        return max(highs, default=1.0) or 1.0

    @property
    def emerging(self) -> list[ThemeAcross]:
        return self._moving(timeline.EMERGING)

    @property
    def fading(self) -> list[ThemeAcross]:
        return self._moving(timeline.FADING)

    def _moving(self, kind: str) -> list[ThemeAcross]:
        every = self.common + self.one_side + self.few
        return [t for t in every if t.trend and t.trend.kind == kind]


def common_ground_page(
    membership: Membership, campaign: Campaign, divide: DivideChoice
) -> CommonGroundPage:
    themes = {t.pk: t for t in themes_for(membership, campaign)}
    scoped = conversations_for(membership).filter(campaign=campaign)
    placed = scoped.filter(theme_assignment__isnull=False)
    rows = list(placed.values_list("pk", "held_on", "theme_assignment__theme_id"))
    # Every conversation's sides once: the placed ones for the themes, the rest for the
    # "common ground found" answers, which need not be in a theme.
    sides_of = conversation_sides(membership, divide, scoped)
    labels = dict(divide.sides)

    heard: dict[str, int] = defaultdict(int)
    raised: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    on_side: dict[tuple[int, str], list] = defaultdict(list)
    for pk, _, theme_id in rows:
        for side in sides_of.get(pk, ()):
            heard[side] += 1
            if theme_id in themes:
                raised[theme_id][side] += 1
                on_side[(theme_id, side)].append(pk)

    over_time = timeline.trends([(day, theme_id) for _, day, theme_id in rows])
    judged: dict[str, list[ThemeAcross]] = {shares.COMMON: [], shares.ONE_SIDE: [], shares.FEW: []}
    for theme_id, theme in themes.items():
        verdict = shares.judge(shares.side_shares(raised[theme_id], heard, labels))
        across = ThemeAcross(theme, verdict, trend=over_time.trends.get(theme_id))
        judged[verdict.kind].append(across)
    for found in judged.values():
        found.sort(key=lambda t: (-t.verdict.consensus, -t.theme.size, t.theme.pk))
    _quotes_side_by_side(judged[shares.COMMON], on_side)

    sides = [SideTotal(s, labels.get(s, s), n) for s, n in heard.items()]
    order = {key: i for i, key in enumerate(labels)}
    sides.sort(key=lambda s: (order.get(s.side, len(order)), s.label))
    return CommonGroundPage(
        campaign=campaign,
        divide=divide,
        sides=sides,
        heard=len(rows),
        unplaced=sum(1 for pk, _, _ in rows if not sides_of.get(pk)),
        common=judged[shares.COMMON],
        one_side=judged[shares.ONE_SIDE],
        few=judged[shares.FEW],
        over_time=over_time,
        found=_found(scoped, divide, sides_of),
    )


def _quotes_side_by_side(common: list[ThemeAcross], on_side: dict) -> None:
    """One quote shared with the team from each judged side of each common-ground theme, the
    shortest first (they are read aloud): one query for all of them."""
    wanted = {
        pk
        for across in common
        for side in across.verdict.sides
        if side.judged
        for pk in on_side[(across.theme.pk, side.side)]
    }
    quotes: dict = defaultdict(list)
    for quote in Quote.objects.filter(conversation__in=wanted, consent__in=SHARED_QUOTES):
        if len(quote.text) <= QUOTE_MAX_CHARS:
            quotes[quote.conversation_id].append(quote)
    for across in common:
        used: set[str] = set()
        for side in across.verdict.sides:
            if not side.judged:
                continue
            found = [
                q
                for pk in on_side[(across.theme.pk, side.side)]
                for q in quotes.get(pk, [])
                if _said(q) not in used
            ]
            if found:
                # The same words twice (two neighbours, or one counted on two sides) read as
                # one voice: each quote shown is different.
                quote = min(found, key=lambda q: (len(q.text), q.pk))
                used.add(_said(quote))
                across.quotes.append((side.label, quote))


def _said(quote: Quote) -> str:
    return " ".join(quote.text.casefold().split())


def _found(scoped, divide: DivideChoice, sides_of: dict) -> FoundSummary:
    answers = list(
        Answer.objects.filter(
            conversation__in=scoped, question__purpose=Purpose.COMMON_GROUND
        ).values_list("conversation_id", "text")
    )
    if not answers:
        return FoundSummary()
    labels = dict(divide.sides)
    counts: dict[str, int] = defaultdict(int)
    for pk, _ in answers:
        for side in sides_of.get(pk, ()):
            counts[side] += 1
    by_side = sorted(((labels.get(s, s), n) for s, n in counts.items()), key=lambda r: -r[1])
    # Short answers from as many sides as there are, in turn: the page reads as a summary.
    examples, seen = [], set()
    for pk, text in sorted(answers, key=lambda a: len(a[1])):
        side = next(iter(sorted(sides_of.get(pk, ()))), None)
        if side not in seen and len(text) <= QUOTE_MAX_CHARS:
            seen.add(side)
            examples.append((labels.get(side, side) if side else "", text))
        if len(examples) >= FOUND_EXAMPLES:
            break
    words = key_phrases([[text for _, text in answers]])[0][:10]
    return FoundSummary(len(answers), by_side, words, examples)
