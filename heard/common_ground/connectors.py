"""Who holds a side together and who connects sides, read from the organization's ties.

Staff only, like the rest of common ground: the whole tie graph is more than a volunteer may
see. Betweenness does not depend on the divide, so it is computed once per state of the ties
(the cache is keyed by the ties themselves) and shared by every divide and page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache

from heard.accounts.models import Membership
from heard.people.models import Person, Relationship
from heard.people.queries import people_for

from . import network
from .divides import DivideChoice, divide_choices, every_person_side, person_sides

SHOWN = 8


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


def _ties(membership: Membership) -> list[tuple[int, int]]:
    return list(
        Relationship.objects.filter(organization=membership.organization).values_list(
            "person_id", "other_id"
        )
    )


def _betweenness(membership: Membership, ties) -> dict[int, float]:
    # Keyed by the ties themselves: any tie added or ended is another graph.
    digest = hashlib.sha256(repr(sorted(ties)).encode()).hexdigest()
    key = f"heard:betweenness:{membership.organization_id}:{digest}"
    found = cache.get(key)
    if found is None:
        found = network.betweenness(network.graph_of(ties))
        cache.set(key, found, 3600)
    return found


def connectors_on(membership: Membership, divide: DivideChoice) -> ConnectorsOnDivide | None:
    if not membership.is_staff_role:
        return None
    ties = _ties(membership)
    found = network.connectors(
        ties, person_sides(membership, divide), _betweenness(membership, ties)
    )
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
    ties = _ties(membership)
    if not any(person.pk in pair for pair in ties):
        return []
    between = _betweenness(membership, ties)
    choices = divide_choices(membership)
    sides = every_person_side(membership, choices)
    roles: list[PersonRole] = []
    for divide in choices:
        found = network.by_person(network.connectors(ties, sides[divide.key], between))
        for role, row in sorted(found.get(person.pk, {}).items()):
            reason = network.reasons(row, divide.label, bridge=role == "bridge")
            roles.append(PersonRole(divide, role, reason))
    # Bridges first, then bonders, each in the order of the divides (the page groups them).
    roles.sort(key=lambda r: r.role != "bridge")
    return roles
