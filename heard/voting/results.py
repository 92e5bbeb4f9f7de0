"""A poll's opinion groups, consensus and common ground, from heard.opinions.maths.

The maths takes a voters x statements matrix (1 agree, -1 disagree, 0 pass, NaN unseen); this
module builds it from the database, runs it, and turns the answer into what the results page
shows: the opinion map's points, each group's size and representative statements, every
statement by group-informed consensus, and the common ground.

At 2,000 voters x 900 statements the whole takes about 2 s (benchmarks/voting/), so results are
computed on request and cached by the votes' state (`votes_state`): a page opened again with no
new vote is instant, and says when it was computed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import numpy as np
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from heard.opinions.maths import find_opinion_groups

from .models import Poll, Statement
from .queries import ballot_of, vote_rows, votes_state

CACHE_SECONDS = 60 * 60
#: Colours of groups A, B, C, D, E on the map (told apart without colour too: letters).
GROUP_COLOURS = ["#1f6f5c", "#b5562b", "#3c5a9a", "#8a6d1d", "#7a3b73"]
UNGROUPED_COLOUR = "#b9c0ca"
MAP_WIDTH, MAP_HEIGHT, MAP_MARGIN = 640, 400, 16


@dataclass(frozen=True)
class StatementLine:
    statement_id: int
    text: str
    consensus: float | None  # None: not scored (no grouped voter saw it)
    votes: int  # by grouped voters
    agree_rates: tuple[float, ...]  # per group, smoothed (agree+1)/(votes+2)
    common_ground: bool

    @property
    def consensus_percent(self) -> int | None:
        return None if self.consensus is None else round(100 * self.consensus)

    @property
    def agree_percents(self) -> list[int]:
        return [round(100 * r) for r in self.agree_rates]

    @property
    def by_group(self) -> list[tuple[str, int]]:
        """(group letter, agree percent) per group, as the page prints them."""
        return [(letter(g), p) for g, p in enumerate(self.agree_percents)]


@dataclass(frozen=True)
class Representative:
    text: str
    direction: str  # "agree" / "disagree"
    percent: int  # the group's smoothed agree (or disagree) rate


@dataclass(frozen=True)
class GroupSummary:
    letter: str
    colour: str
    size: int
    representatives: list[Representative]


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    colour: str
    letter: str  # "" when not grouped


@dataclass
class PollResults:
    computed_at: dt.datetime
    voters: int  # everyone who voted at least once
    grouped: int
    too_few: int  # voted, but fewer than 7 votes: counted, not grouped
    votes: int
    groups: list[GroupSummary] = field(default_factory=list)
    by_consensus: list[StatementLine] = field(default_factory=list)
    common_ground: list[StatementLine] = field(default_factory=list)
    points: list[MapPoint] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def map_size(self) -> tuple[int, int]:
        return MAP_WIDTH, MAP_HEIGHT

    @property
    def map_circles(self) -> str:
        """The map's dots as SVG markup, built here rather than in a template loop (2,000 dots
        took the template most of a second). Only numbers, our colours and group letters go in:
        no text anybody typed."""
        not_grouped = escape(_("Not grouped"))
        names = {
            p.letter: escape(_("Group %(letter)s") % {"letter": p.letter}) for p in self.points
        }
        return mark_safe(  # noqa: S308 - numbers, constants and escaped words only, see above
            "".join(
                f'<circle cx="{p.x}" cy="{p.y}" r="4" fill="{p.colour}"><title>'
                f"{names[p.letter] if p.letter else not_grouped}</title></circle>"
                for p in self.points
            )
        )


def letter(group: int) -> str:
    return chr(ord("A") + group)


def vote_matrix(poll: Poll) -> tuple[np.ndarray, np.ndarray, list[Statement], np.ndarray]:
    """(voter ids, the matrix, the statements as columns, moderated-out flags).

    Columns are the poll's statements that hold at least one vote; a statement taken off the
    ballot (moderated out, or a quote whose consent was narrowed) stays as a column marked
    moderated out, as Polis keeps them: its votes move nobody and it is never scored."""
    rows = vote_rows(poll)
    visible = set(ballot_of(poll).values_list("pk", flat=True))
    statements = {s.pk: s for s in Statement.objects.filter(poll=poll)}
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 0)), [], np.zeros(0, dtype=bool)
    table = np.array(rows, dtype=np.int64)
    voters, row_of = np.unique(table[:, 0], return_inverse=True)
    columns, column_of = np.unique(table[:, 1], return_inverse=True)
    matrix = np.full((len(voters), len(columns)), np.nan)
    matrix[row_of, column_of] = table[:, 2]
    chosen = [statements[int(pk)] for pk in columns]
    moderated = np.array([int(pk) not in visible for pk in columns], dtype=bool)
    return voters, matrix, chosen, moderated


def compute_results(poll: Poll) -> PollResults:
    started = timezone.now()
    voters, matrix, statements, moderated = vote_matrix(poll)
    if len(voters) == 0:
        return PollResults(computed_at=started, voters=0, grouped=0, too_few=0, votes=0)
    found = find_opinion_groups(matrix, moderated)
    rates = found.agree_rates
    lines = [
        StatementLine(
            statement_id=s.pk,
            text=s.text,
            consensus=None if not found.scored[j] else float(found.consensus[j]),
            votes=int(found.votes[:, j].sum()),
            agree_rates=tuple(float(r) for r in rates[:, j]),
            common_ground=bool(found.common_ground[j]),
        )
        for j, s in enumerate(statements)
    ]
    scored = [line for line in lines if line.consensus is not None]
    scored.sort(key=lambda line: (-(line.consensus or 0.0), line.statement_id))
    groups = [
        GroupSummary(
            letter=letter(g),
            colour=GROUP_COLOURS[g % len(GROUP_COLOURS)],
            size=size,
            representatives=[
                Representative(
                    text=statements[rep.statement].text,
                    direction=rep.direction,
                    percent=round(100 * rep.rate),
                )
                for rep in found.representatives[g]
            ],
        )
        for g, size in enumerate(found.group_sizes)
    ]
    grouped = int((found.group >= 0).sum())
    finished = timezone.now()
    return PollResults(
        computed_at=finished,
        voters=len(voters),
        grouped=grouped,
        too_few=len(voters) - grouped,
        votes=int(np.count_nonzero(~np.isnan(matrix))),
        groups=groups,
        by_consensus=scored,
        common_ground=[line for line in scored if line.common_ground],
        points=map_points(found.points, found.group),
        seconds=(finished - started).total_seconds(),
    )


def map_points(points: np.ndarray, group: np.ndarray) -> list[MapPoint]:
    """Each voter's place on the opinion map, scaled into the SVG's box (axes have no units in
    Polis: only nearness means something), the ungrouped drawn first so groups lie on top."""
    if len(points) == 0:
        return []
    low, high = points.min(axis=0), points.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    inner = np.array([MAP_WIDTH - 2 * MAP_MARGIN, MAP_HEIGHT - 2 * MAP_MARGIN])
    scaled = MAP_MARGIN + (points - low) / span * inner
    # An equal span would draw everyone on the edge: centre a dimension that does not vary.
    scaled[:, high - low <= 0] = np.array([MAP_WIDTH, MAP_HEIGHT])[high - low <= 0] / 2
    order = np.argsort(group >= 0, kind="stable")
    return [
        MapPoint(
            x=round(float(scaled[i, 0]), 1),
            y=round(float(MAP_HEIGHT - scaled[i, 1]), 1),
            colour=UNGROUPED_COLOUR if group[i] < 0 else GROUP_COLOURS[group[i] % 5],
            letter="" if group[i] < 0 else letter(int(group[i])),
        )
        for i in order
    ]


def results_for(poll: Poll) -> PollResults:
    """The poll's results, from the cache while no vote or statement changed since."""
    state = ":".join(map(str, votes_state(poll)))
    key = "voting:results:" + hashlib.sha256(state.encode()).hexdigest()
    results = cache.get(key)
    if results is None:
        results = compute_results(poll)
        cache.set(key, results, CACHE_SECONDS)
    return results
