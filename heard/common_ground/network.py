"""Bonders and bridges, from who knows whom (`people.Relationship`) and a divide's sides.

- A **bonder** holds a group together: at least `BONDER_MIN` ties to people on their own side,
  at least twice as many as the typical (median) person of that side with ties, and most of
  their ties inside it. Ranked by those ties.
- A **bridge** connects sides: their ties reach people on at least two sides of the divide
  (their own side counts when it is known), with at least `BRIDGE_MIN_ACROSS` ties across, and a
  betweenness centrality (the share of shortest paths between two people that pass through them;
  networkx) at least twice the typical (median) person's: it says how much the network would
  fall apart without them, not only how many people they know. Ranked by betweenness.

"Twice the typical" keeps the lists to the people who stand out in a dense network as in a
sparse one: in a demo where everyone knows eight people, knowing three on your side is
ordinary.

Ties are undirected here: knowing is mutual, whoever recorded it. Graphs above `EXACT_UP_TO`
people use networkx's sampled betweenness (`k` pivots, fixed seed) so a large organization's
page stays fast; the ranking of the top people is what matters, and it is stable under sampling.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median

import networkx as nx
from django.utils.translation import gettext as _

BONDER_MIN = 3
BONDER_INSIDE_SHARE = 0.6
BRIDGE_MIN_ACROSS = 2
STANDS_OUT = 2.0
EXACT_UP_TO = 1500
PIVOTS = 400


@dataclass
class Connector:
    person_id: int
    side: str | None  # their own side, if known
    ties_by_side: Counter = field(default_factory=Counter)  # side → ties to people on it
    unknown_ties: int = 0
    betweenness: float = 0.0

    @property
    def inside(self) -> int:
        return self.ties_by_side[self.side] if self.side is not None else 0

    @property
    def across(self) -> int:
        return sum(n for s, n in self.ties_by_side.items() if s != self.side)

    @property
    def sides_reached(self) -> set[str]:
        reached = {s for s, n in self.ties_by_side.items() if n}
        return reached | ({self.side} if self.side is not None else set())


@dataclass
class Connectors:
    bonders: list[Connector]
    bridges: list[Connector]
    people: int
    ties: int


def graph_of(ties: list[tuple[int, int]]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_edges_from((a, b) for a, b in ties if a != b)
    return graph


def betweenness(graph: nx.Graph) -> dict[int, float]:
    if graph.number_of_nodes() > EXACT_UP_TO:
        return nx.betweenness_centrality(graph, k=min(PIVOTS, graph.number_of_nodes()), seed=7)
    return nx.betweenness_centrality(graph)


def neighbours_of(ties: list[tuple[int, int]]) -> dict[int, set[int]]:
    """Who each person knows, both ways round: built once and shared by every divide."""
    found: dict[int, set[int]] = {}
    for a, b in ties:
        if a != b:
            found.setdefault(a, set()).add(b)
            found.setdefault(b, set()).add(a)
    return found


def connectors(
    ties: list[tuple[int, int]] | dict[int, set[int]],
    sides: dict[int, str],
    between: dict[int, float] | None = None,
) -> Connectors:
    """`ties`: (person id, person id) pairs, or `neighbours_of` them; `sides`: person id → side
    key (people whose side is unknown are left out of it); `between`: the graph's betweenness, if
    already known (it does not depend on the divide). Plain dictionaries, not a networkx graph:
    the counts are one pass over the ties, fast enough to run for every divide on a page."""
    neighbours = ties if isinstance(ties, dict) else neighbours_of(ties)
    if between is None:
        between = betweenness(graph_of([(a, b) for a, bs in neighbours.items() for b in bs]))
    # One pass over the ties for everyone's counts; a person's full row is built only for the
    # few who pass a rule (20,000 people: tens of milliseconds a divide).
    inside: Counter = Counter()
    known: Counter = Counter()  # ties to people whose side is known
    for a, others in neighbours.items():
        own = sides.get(a)
        for b in others:
            side = sides.get(b)
            if side is not None:
                known[a] += 1
                if side == own:
                    inside[a] += 1
    on_side: dict[str, list[int]] = defaultdict(list)
    for person in neighbours:
        if (side := sides.get(person)) is not None:
            on_side[side].append(inside[person])
    typical_inside = {side: median(counts) for side, counts in on_side.items()}
    typical_between = median(between.get(p, 0.0) for p in neighbours) if neighbours else 0.0

    def row(person: int) -> Connector:
        found = Connector(person, sides.get(person), betweenness=between.get(person, 0.0))
        for other in neighbours[person]:
            side = sides.get(other)
            if side is None:
                found.unknown_ties += 1
            else:
                found.ties_by_side[side] += 1
        return found

    bonders = [
        row(p)
        for p in neighbours
        if (side := sides.get(p)) is not None
        and inside[p] >= max(BONDER_MIN, STANDS_OUT * typical_inside[side])
        and inside[p] >= BONDER_INSIDE_SHARE * known[p]
    ]
    bonders.sort(key=lambda c: (-c.inside, -c.betweenness, c.person_id))
    candidates = [
        row(p)
        for p in neighbours
        if between.get(p, 0.0) > 0 and between.get(p, 0.0) >= STANDS_OUT * typical_between
    ]
    bridges = [
        c for c in candidates if len(c.sides_reached) >= 2 and _across(c) >= BRIDGE_MIN_ACROSS
    ]
    bridges.sort(key=lambda c: (-c.betweenness, -c.across, c.person_id))
    edges = sum(len(others) for others in neighbours.values()) // 2
    return Connectors(bonders, bridges, len(neighbours), edges)


def _across(c: Connector) -> int:
    """Ties that cross: to another side than their own, or, when their own is unknown, to every
    side but the one they know most people on."""
    if c.side is not None:
        return c.across
    counts = sorted(c.ties_by_side.values(), reverse=True)
    return sum(counts[1:])


def reasons(c: Connector, label, *, bridge: bool) -> str:
    """E.g. "knows 6 others on “Renter” (75% of their ties)" or "knows 3 on “Renter” and 2 on
    “Homeowner”; on 12% of the shortest paths between people"."""
    if not bridge:
        share = c.inside / (c.inside + c.across)
        return _(
            "knows %(count)s others on “%(side)s” (%(share)s of their ties to people whose side "
            "is known)"
        ) % {"count": c.inside, "side": label(c.side), "share": f"{share:.0%}"}
    ordered = sorted(c.ties_by_side.items(), key=lambda i: (-i[1], label(i[0])))
    ties = _and([_("%(count)s on “%(side)s”") % {"count": n, "side": label(s)} for s, n in ordered])
    return _("knows %(ties)s; on %(share)s of the shortest paths between people") % {
        "ties": ties,
        "share": f"{c.betweenness:.0%}",
    }


def _and(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return _("%(some)s and %(last)s") % {"some": ", ".join(parts[:-1]), "last": parts[-1]}


def typical_betweenness(neighbours: dict[int, set[int]], between: dict[int, float]) -> float:
    return median(between.get(p, 0.0) for p in neighbours) if neighbours else 0.0


def person_roles(
    person: int,
    neighbours: dict[int, set[int]],
    sides: dict[int, str],
    between: dict[int, float],
    typical_between: float,
) -> dict[str, Connector]:
    """Whether one person is a bonder or a bridge on one divide: the same rules as
    `connectors`, with only the work this person needs (a person page at 20,000 people). The
    side's typical count is computed only for someone who passes every other bonder rule."""
    row = Connector(person, sides.get(person), betweenness=between.get(person, 0.0))
    for other in neighbours.get(person, ()):
        side = sides.get(other)
        if side is None:
            row.unknown_ties += 1
        else:
            row.ties_by_side[side] += 1
    roles: dict[str, Connector] = {}
    known = row.inside + row.across
    if (
        row.side is not None
        and row.inside >= BONDER_MIN
        and row.inside >= BONDER_INSIDE_SHARE * known
    ):
        on_side = [
            sum(1 for o in others if sides.get(o) == row.side)
            for p, others in neighbours.items()
            if sides.get(p) == row.side
        ]
        if row.inside >= STANDS_OUT * median(on_side):
            roles["bonder"] = row
    if (
        row.betweenness > 0
        and row.betweenness >= STANDS_OUT * typical_between
        and len(row.sides_reached) >= 2
        and _across(row) >= BRIDGE_MIN_ACROSS
    ):
        roles["bridge"] = row
    return roles
