"""Who holds a side together and who connects sides, read from the organization's ties.

Staff only, like the rest of common ground: the whole tie graph is more than a volunteer may
see. Betweenness does not depend on the divide, so it is computed once per state of the ties
(`TieScores`, keyed by the ties themselves) and shared by every divide and page: at once for a
graph of up to `network.EXACT_UP_TO` people (a fraction of a second), by the worker for a larger
one (tens of seconds), the pages showing the last scores meanwhile.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from django.db import transaction

from heard.accounts.models import Membership
from heard.people.models import Person, Relationship
from heard.people.queries import people_for

from . import network
from .divides import DivideChoice, divide_choices, every_person_side, person_sides
from .models import TieScores

SHOWN = 8
logger = logging.getLogger(__name__)


@dataclass
class Named:
    person: Person
    reason: str


@dataclass
class ConnectorsOnDivide:
    divide: DivideChoice
    bonders: list[Named]
    bridges: list[Named]
    bonder_count: int
    bridge_count: int
    people: int
    ties: int
    fresh: bool  # False: bridges are from the last scores while the worker scores these ties


def ties_of(organization_id: int) -> list[tuple[int, int]]:
    return list(
        Relationship.objects.filter(organization_id=organization_id).values_list(
            "person_id", "other_id"
        )
    )


def _digest(ties) -> str:
    # The ties themselves are the key: any tie added or ended is another graph.
    return hashlib.sha256(repr(sorted(ties)).encode()).hexdigest()


def store_scores(organization_id: int, ties, stored: TieScores | None = None) -> dict[int, float]:
    """Score the ties and keep the scores, replacing the last ones (one write either way, so a
    page costs the same number of queries whether it scored first or again)."""
    scores = network.betweenness(network.graph_of(ties))
    if stored is None:
        stored = TieScores.objects.filter(organization_id=organization_id).first()
    row = stored or TieScores(organization_id=organization_id)
    row.digest, row.pending_digest = _digest(ties), ""
    row.scores = {str(k): v for k, v in scores.items()}
    row.save()
    return scores


@dataclass
class Betweenness:
    scores: dict[int, float]
    fresh: bool  # False: the worker is scoring the ties as they are now


def _betweenness(membership: Membership, ties, people: int) -> Betweenness:
    """The stored scores when they are for these ties; else scored now for a small graph, or
    asked of the worker for a large one (the page uses the last scores meanwhile)."""
    digest = _digest(ties)
    stored = TieScores.objects.filter(organization=membership.organization).first()
    if stored is not None and stored.digest == digest:
        return Betweenness({int(k): v for k, v in stored.scores.items()}, True)
    if people <= network.EXACT_UP_TO:
        return Betweenness(store_scores(membership.organization_id, ties, stored), True)
    if stored is None or stored.pending_digest != digest:
        row = stored or TieScores(organization=membership.organization, digest="")
        row.pending_digest = digest
        row.save()
        organization_id = membership.organization_id
        transaction.on_commit(lambda: _ask_worker(organization_id))
    last = {int(k): v for k, v in stored.scores.items()} if stored is not None else {}
    return Betweenness(last, False)


def _ask_worker(organization_id: int) -> None:
    from .tasks import score_ties

    try:
        score_ties.enqueue(organization_id)
    except Exception:
        logger.exception("Could not queue scoring the ties of %s", organization_id)


def connectors_on(membership: Membership, divide: DivideChoice) -> ConnectorsOnDivide | None:
    if not membership.is_staff_role:
        return None
    ties = ties_of(membership.organization_id)
    neighbours = network.neighbours_of(ties)
    between = _betweenness(membership, ties, len(neighbours))
    found = network.connectors(neighbours, person_sides(membership, divide), between.scores)
    shown = [r.person_id for r in found.bonders[:SHOWN] + found.bridges[:SHOWN]]
    people = people_for(membership).in_bulk(shown)

    def named(rows, *, bridge: bool) -> list[Named]:
        return [
            Named(people[r.person_id], network.reasons(r, divide.label, bridge=bridge))
            for r in rows[:SHOWN]
            if r.person_id in people
        ]

    return ConnectorsOnDivide(
        divide,
        named(found.bonders, bridge=False),
        named(found.bridges, bridge=True),
        len(found.bonders),
        len(found.bridges),
        found.people,
        found.ties,
        between.fresh,
    )


@dataclass
class PersonRole:
    divide: DivideChoice
    role: str  # "bonder" or "bridge"
    reason: str


def roles_of(membership: Membership, person: Person) -> list[PersonRole]:
    """On each divide, whether the person is a bonder or a bridge, with why (the person page)."""
    if not membership.is_staff_role:
        return []
    ties = ties_of(membership.organization_id)
    neighbours = network.neighbours_of(ties)
    if person.pk not in neighbours:
        return []
    between = _betweenness(membership, ties, len(neighbours)).scores
    choices = divide_choices(membership)
    sides = every_person_side(membership, choices)
    typical = network.typical_betweenness(neighbours, between)
    roles: list[PersonRole] = []
    for divide in choices:
        found = network.person_roles(person.pk, neighbours, sides[divide.key], between, typical)
        for role, row in sorted(found.items()):
            reason = network.reasons(row, divide.label, bridge=role == "bridge")
            roles.append(PersonRole(divide, role, reason))
    # Bridges first, then bonders, each in the order of the divides (the page groups them).
    roles.sort(key=lambda r: r.role != "bridge")
    return roles
