"""The solver keeps its rules: sizes, a shared concern, each person once, locks."""

import random
from collections import Counter

import pytest

from heard.smallgroups.reasons import group_reason
from heard.smallgroups.solver import (
    FriendCandidate,
    Lock,
    PoolPerson,
    check,
    greedy_groups,
    solve,
)


def pool(n=60, seed=3):
    rng = random.Random(seed)
    return [
        PoolPerson(
            i,
            frozenset(rng.sample([1, 2, 3, 4], rng.choice([1, 2]))),
            {
                "Neighbourhood": rng.choice("ABCDE"),
                "Tenure": rng.choice(["Renter", "Owner", None]),
                "Venue": rng.choice(["Door", "House meeting"]),
            },
            anchor=rng.random() < 0.3,
        )
        for i in range(1, n + 1)
    ]


@pytest.mark.parametrize("maker", [greedy_groups, solve])
def test_every_group_is_within_the_sizes_and_shares_a_concern_and_each_person_sits_once(maker):
    people = pool()
    kwargs = {"time_limit": 5} if maker is solve else {}
    answer = maker(people, 4, 6, **kwargs)

    assert answer.groups
    assert check(answer, people, 4, 6) == []
    seated = [p for g in answer.groups for p in g.members]
    assert len(seated) == len(set(seated))
    assert set(seated) | set(answer.left_out) == {p.id for p in people}


def test_the_solver_mixes_at_least_as_well_as_the_greedy_baseline_and_reports_its_gap():
    people = pool(80)
    greedy = greedy_groups(people, 5, 7)
    answer = solve(people, 5, 7, time_limit=2)

    assert answer.objective >= greedy.objective
    assert answer.status in {"OPTIMAL", "FEASIBLE"}
    assert answer.bound >= answer.objective
    assert 0 <= answer.gap < 1


def test_a_person_whose_concern_nobody_else_raised_is_left_out_not_forced_in():
    people = pool(30) + [PoolPerson(999, frozenset({42}), {"Neighbourhood": "Z"})]
    answer = solve(people, 4, 6, time_limit=2)

    assert 999 in answer.left_out
    assert check(answer, people, 4, 6) == []


def test_people_locked_together_sit_together_and_people_locked_apart_never_do():
    people = pool()
    first = solve(people, 4, 6, time_limit=2)
    a, b = first.groups[0].members[:2]
    # someone from another group who raised a concern with a, so they can sit together
    other = next(
        p
        for g in first.groups[1:]
        for p in g.members
        if people[p - 1].concerns & people[a - 1].concerns
    )
    locks = [Lock(a, b, together=False), Lock(a, other, together=True)]

    for answer in (
        solve(people, 4, 6, locks=locks, time_limit=2),
        greedy_groups(people, 4, 6, locks),
    ):
        assert check(answer, people, 4, 6, locks) == []
        where = {p: i for i, g in enumerate(answer.groups) for p in g.members}
        assert where.get(a) is None or where.get(a) != where.get(b)
        assert where.get(a) == where.get(other)


def test_a_critical_friend_never_sits_in_the_group_they_befriend_and_prefers_its_concern():
    people = pool()
    friends = [FriendCandidate(f"person:{p.id}", p.concerns, p.id) for p in people[:10]]
    friends.append(FriendCandidate("member:1", frozenset({1, 2, 3, 4})))
    answer = solve(people, 4, 6, friends=friends, friend_load=3, time_limit=2)

    given = Counter(g.friend for g in answer.groups)
    assert all(n <= 3 for n in given.values())
    for group in answer.groups:
        assert group.friend not in {f"person:{p}" for p in group.members}
        chosen = next(f for f in friends if f.id == group.friend)
        assert group.concern in chosen.concerns or not any(
            group.concern in f.concerns for f in friends
        )


def test_the_reason_names_the_concern_the_mix_and_the_friend():
    reason = group_reason(
        "bus cuts",
        {
            "Neighbourhood": Counter({"Eastside": 2, "Hill": 1, "Docks": 1}),
            "Renters and owners": Counter({"Renter": 2, "Owner": 2}),
            "Venue": Counter({"Door-knock": 4}),
        },
        "Ana",
        {"Neighbourhood": ("neighbourhood", "neighbourhoods"), "Venue": ("venue", "venues")},
    )

    assert (
        reason
        == "all raised bus cuts; 3 neighbourhoods; 2 Owner, 2 Renter; 1 venue; critical friend: Ana"
    )
