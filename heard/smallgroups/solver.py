"""Small groups that have something in common, but only a little: a pure optimisation, no Django.

Input: the pool (each person with the concerns they raised, as theme ids, and their attributes:
neighbourhood, a side of each divide, kindliness orientation, venue; None when unknown), the
group size bounds, locks (two people together or apart) and the critical-friend candidates.
Output: groups, each with the concern all of its members raised, its mix, and for the whole
answer the objective, the solver's bound on it, the gap between them, the status and the time.

The model (OR-Tools CP-SAT):

- x[p, g]: person p sits in group g. Each person sits in at most one group. People are *left
  out* rather than the problem declared impossible: sizes need not divide the pool, and someone
  whose concerns nobody else raised cannot share one with a group. Seating is worth more than
  any mix (a seat can add at most one new value per attribute), so nobody is left out for the
  sake of variety; who was left out is reported.
- Slots: a concern raised by n seatable people can gather at most n // size_min groups, so each
  concern gets that many group slots, each slot's concern fixed. x[p, g] exists only for the
  slots of concerns p raised: the same problem as a free concern per group (y[g, c]), with a
  fraction of the variables (19,000 instead of 40,000 at 500 people). Only concerns raised by at
  least size_min people are offered.
- active[g]: the slot is a formed group, of size_min..size_max members; an unformed one is empty.
- b[g, a, v]: value v of attribute a is present in group g (b ≤ the members with v). The mix is
  the number of distinct values present, summed over groups and attributes: it scales linearly
  in people × groups, where counting same-value pairs would be quadratic.
- Symmetry: a concern's slots are formed in order (slot 2 only if slot 1), so the solver does not
  search the same answer under many orders of its groups.
- Anchors: "a critical friend is never the group's only link to the organization". Every person
  in the pool is already linked through a conversation someone held with them, but a weak one;
  we read the rule as: every group should also hold an *anchor*, someone who said yes to a next
  step or shows leader signals, so that the friend (who never sits in the group they befriend)
  is one link beside others. A group with an anchor is worth as much as a seat; a group without
  one is allowed when there are too few anchors, and reported.
- Locks: two people locked together sit in the same group or are both left out; locked apart,
  never in the same group.
- The greedy answer (`greedy_groups`, also the benchmark's baseline) is given as a hint, so the
  solver starts from it and only improves on it within the time limit (default 10 s, 2 workers).

Critical friends are chosen after the solve, greedily: for each group, the candidate who raised
the group's concern if any, then the one with the fewest groups so far (at most `friend_load`
each), never someone seated in that group.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

SEAT_WEIGHT_EXTRA = 1  # a seat is worth one more than the most a seat can add to the mix


@dataclass(frozen=True)
class PoolPerson:
    id: int
    concerns: frozenset[int]
    attributes: dict[str, str | None] = field(default_factory=dict, hash=False, compare=False)
    anchor: bool = False  # said yes to a next step, or shows leader signals


@dataclass(frozen=True)
class FriendCandidate:
    id: str  # "person:12" or "member:3": people and members may both befriend a group
    concerns: frozenset[int] = frozenset()
    person_id: int | None = None  # when the friend is a person of the pool's organization


@dataclass(frozen=True)
class Lock:
    a: int
    b: int
    together: bool


@dataclass
class Group:
    concern: int
    members: list[int]
    mix: int = 0
    values: dict[str, Counter] = field(default_factory=dict)
    anchored: bool = False
    friend: str | None = None


@dataclass
class Answer:
    groups: list[Group]
    left_out: list[int]
    mix: int
    objective: float
    bound: float
    status: str  # OPTIMAL, FEASIBLE (CP-SAT) or GREEDY (the baseline, or no time to improve it)
    seconds: float
    mix_ceiling: int = 0  # no answer can mix more (counting_bound)

    @property
    def gap(self) -> float:
        """How far the objective is from the best possible, as a share of the bound."""
        if self.bound <= 0:
            return 0.0
        return max(0.0, (self.bound - self.objective) / self.bound)

    @property
    def every_group_shares_a_concern(self) -> bool:
        return all(g.members for g in self.groups)


def attribute_names(people: list[PoolPerson]) -> list[str]:
    names: list[str] = []
    for person in people:
        for name in person.attributes:
            if name not in names:
                names.append(name)
    return names


def describe(
    group: Group, people: dict[int, PoolPerson], attributes: list[str]
) -> dict[str, Counter]:
    """attribute → how many members hold each known value."""
    return {
        a: Counter(v for p in group.members if (v := people[p].attributes.get(a)) is not None)
        for a in attributes
    }


def _score(
    groups: list[Group], people: dict[int, PoolPerson], attributes: list[str], seat_weight: int
) -> tuple[int, float]:
    mix = 0
    anchored = 0
    for group in groups:
        group.values = describe(group, people, attributes)
        group.mix = sum(len(counts) for counts in group.values.values())
        group.anchored = any(people[p].anchor for p in group.members)
        mix += group.mix
        anchored += group.anchored
    seated = sum(len(g.members) for g in groups)
    return mix, float(seat_weight * (seated + anchored) + mix)


class _Units:
    """People locked together move as one unit (union-find)."""

    def __init__(self, ids: list[int], locks: list[Lock]):
        self.parent = {i: i for i in ids}
        for lock in locks:
            if lock.together and lock.a in self.parent and lock.b in self.parent:
                self.parent[self._find(lock.a)] = self._find(lock.b)

    def _find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for i in self.parent:
            found[self._find(i)].append(i)
        return [sorted(members) for members in found.values()]


def counting_bound(people: list[PoolPerson], size_min: int, seat_weight: int) -> tuple[float, int]:
    """An upper bound on the objective, and on the mix alone, by counting: at most S seatable
    people (who raised a concern at least size_min people raised), at most S // size_min groups,
    and on each attribute no more distinct values than members, than K times its values, or than
    each value's holders allow (a value counts once per group). CP-SAT's own bound comes from
    its linear relaxation, which on a loaded machine is often not solved within 10 s; the answer
    reports the lower of the two."""
    raised = Counter(c for p in people for c in p.concerns)
    offered = {c for c, n in raised.items() if n >= size_min}
    seatable = [p for p in people if p.concerns & offered]
    groups = len(seatable) // size_min
    mix = 0
    for a in attribute_names(seatable):
        holders = Counter(v for p in seatable if (v := p.attributes.get(a)) is not None)
        mix += min(
            sum(holders.values()),
            groups * len(holders),
            sum(min(n, groups) for n in holders.values()),
        )
    anchors = sum(p.anchor for p in seatable)
    return float(seat_weight * (len(seatable) + min(groups, anchors)) + mix), mix


def greedy_groups(
    people: list[PoolPerson],
    size_min: int,
    size_max: int,
    locks: list[Lock] = (),  # type: ignore[assignment]
) -> Answer:
    """The baseline: take the concern most unseated people raised, split them into as many groups
    as the sizes allow, and seat each unit (rarest values first) where it adds most to the mix."""
    started = time.perf_counter()
    by_id = {p.id: p for p in people}
    attributes = attribute_names(people)
    apart: dict[int, set[int]] = defaultdict(set)
    for lock in locks:
        if not lock.together:
            apart[lock.a].add(lock.b)
            apart[lock.b].add(lock.a)
    units = _Units(list(by_id), list(locks)).groups()
    unit_concerns = {
        tuple(u): frozenset.intersection(*(by_id[p].concerns for p in u)) for u in units
    }
    value_counts = Counter((a, v) for p in people for a, v in p.attributes.items() if v is not None)

    def rarity(unit) -> int:
        known = [(a, v) for p in unit for a, v in by_id[p].attributes.items() if v is not None]
        return min((value_counts[k] for k in known), default=0)

    unit_of = {p: tuple(u) for u in units for p in u}
    unseated = {tuple(u) for u in units if unit_concerns[tuple(u)] and len(u) <= size_max}
    groups: list[Group] = []
    tried: set[int] = set()
    while True:
        raised = Counter(c for u in unseated for c in unit_concerns[u] if c not in tried)
        if not raised:
            break
        concern, _ = min(raised.items(), key=lambda kv: (-kv[1], kv[0]))
        tried.add(concern)
        members = sorted(
            (u for u in unseated if concern in unit_concerns[u]), key=len, reverse=True
        )
        n = sum(len(u) for u in members)
        if n < size_min:
            continue
        # as many groups as the sizes allow: more, smaller groups hold more distinct values
        k = n // size_min
        # rarest values first, so that they are spread before the common ones fill the seats
        members.sort(key=lambda u: (-len(u), rarity(u)))
        seats: list[list[int]] = [[] for _ in range(k)]
        present: list[set] = [set() for _ in range(k)]
        total = min(n, k * size_max)
        target = [total // k + (1 if i < total % k else 0) for i in range(k)]
        for unit in members:
            best, best_key = None, None
            for i in range(k):
                if len(seats[i]) + len(unit) > target[i]:
                    continue
                if any(q in apart[p] for p in unit for q in seats[i]):
                    continue
                gain = sum(
                    1
                    for a in attributes
                    for v in {by_id[p].attributes.get(a) for p in unit} - {None}
                    if (a, v) not in present[i]
                )
                key = (gain, -len(seats[i]), -i)
                if best_key is None or key > best_key:
                    best, best_key = i, key
            if best is None:
                continue
            seats[best].extend(unit)
            for p in unit:
                present[best].update(
                    (a, v) for a, v in by_id[p].attributes.items() if v is not None
                )
        for i in range(k):
            if len(seats[i]) >= size_min:
                groups.append(Group(concern=concern, members=sorted(seats[i])))
                unseated -= {unit_of[p] for p in seats[i]}
    seat_weight = len(attributes) + SEAT_WEIGHT_EXTRA
    mix, objective = _score(groups, by_id, attributes, seat_weight)
    seated = {p for g in groups for p in g.members}
    bound, ceiling = counting_bound(people, size_min, seat_weight)
    return Answer(
        groups=sorted(groups, key=lambda g: (g.concern, g.members)),
        left_out=sorted(set(by_id) - seated),
        mix=mix,
        objective=objective,
        bound=max(objective, bound),
        status="GREEDY",
        seconds=time.perf_counter() - started,
        mix_ceiling=ceiling,
    )


def solve(
    people: list[PoolPerson],
    size_min: int,
    size_max: int,
    locks: list[Lock] = (),  # type: ignore[assignment]
    friends: list[FriendCandidate] = (),  # type: ignore[assignment]
    time_limit: float = 10.0,
    workers: int = 2,
    seed: int = 0,
    friend_load: int = 2,
) -> Answer:
    """Groups of size_min..size_max, each around one concern all its members raised, as mixed as
    possible on every attribute: CP-SAT under `time_limit` seconds, hinted with the greedy one."""
    from ortools.sat.python import cp_model  # imported here: the module loads without it

    if not 1 <= size_min <= size_max:
        raise ValueError("sizes must satisfy 1 ≤ size_min ≤ size_max")
    started = time.perf_counter()
    locks = list(locks)
    by_id = {p.id: p for p in people}
    attributes = attribute_names(people)
    seat_weight = len(attributes) + SEAT_WEIGHT_EXTRA
    greedy = greedy_groups(people, size_min, size_max, locks)

    raised = Counter(c for p in people for c in p.concerns)
    concerns = sorted(c for c, n in raised.items() if n >= size_min)
    offered = set(concerns)
    seatable = [p for p in people if p.concerns & offered]
    if not seatable:
        return _with_friends(greedy, by_id, list(friends), friend_load)

    # Slots per concern: a concern raised by n seatable people can gather at most n // size_min
    # groups. A slot's concern is fixed, so x[p, g] exists only for slots of concerns p raised:
    # the same problem as choosing each group's concern, with far fewer variables.
    slot_concern = [c for c in concerns for _ in range(min(raised[c], len(seatable)) // size_min)]
    slots = len(slot_concern)
    G = range(slots)
    model = cp_model.CpModel()
    x = {
        (p.id, g): model.new_bool_var(f"x{p.id}_{g}")
        for p in seatable
        for g in G
        if slot_concern[g] in p.concerns
    }
    in_slot: dict[int, list[int]] = defaultdict(list)
    of_person: dict[int, list] = defaultdict(list)
    for (p, g), var in x.items():
        in_slot[g].append(p)
        of_person[p].append(var)
    active = [model.new_bool_var(f"active{g}") for g in G]
    for p in seatable:
        model.add_at_most_one(of_person[p.id])
    for g in G:
        size = sum(x[p, g] for p in in_slot[g])
        model.add(size >= size_min).only_enforce_if(active[g])
        model.add(size <= size_max).only_enforce_if(active[g])
        model.add(size == 0).only_enforce_if(~active[g])
        if g + 1 < slots and slot_concern[g + 1] == slot_concern[g]:
            model.add_implication(active[g + 1], active[g])  # the slots of a concern in order
    seatable_ids = {p.id for p in seatable}
    for lock in locks:
        a_in, b_in = lock.a in seatable_ids, lock.b in seatable_ids
        if not (a_in and b_in):
            if lock.together and (a_in or b_in):
                for var in of_person[lock.a if a_in else lock.b]:
                    model.add(var == 0)  # the other cannot sit anywhere, so neither does this one
            continue
        for g in G:
            a, b = x.get((lock.a, g)), x.get((lock.b, g))
            if lock.together:
                if a is not None and b is not None:
                    model.add(a == b)
                elif a is not None or b is not None:
                    model.add((a if a is not None else b) == 0)
            elif a is not None and b is not None:
                model.add_bool_or([~a, ~b])

    mix_terms = []
    present: dict[tuple[int, str], list] = defaultdict(list)
    values: dict[tuple[int, str, str], object] = {}
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for p in seatable:
        for a, v in p.attributes.items():
            if v is not None:
                holders[(a, v)].append(p.id)
    for g in G:
        for (a, v), ids in holders.items():
            if not any((p, g) in x for p in ids):
                continue
            b = model.new_bool_var(f"b{g}_{a}_{v}")
            model.add(b <= sum(x[p, g] for p in ids if (p, g) in x))
            model.add_implication(b, active[g])
            mix_terms.append(b)
            present[g, a].append(b)
            values[g, a, v] = b
    for (g, _attribute), bs in present.items():
        # no more distinct values than members: keeps the bound close to what can be reached
        model.add(sum(bs) <= sum(x[p, g] for p in in_slot[g]))
    anchors = [p.id for p in seatable if p.anchor]
    anchored = []
    for g in G:
        h = model.new_bool_var(f"anchored{g}")
        model.add(h <= sum(x[p, g] for p in anchors if (p, g) in x))
        model.add_implication(h, active[g])
        anchored.append(h)
    model.maximize(seat_weight * (sum(x.values()) + sum(anchored)) + sum(mix_terms))

    _hint(model, greedy, x, active, slot_concern, values, anchored, by_id)
    solver = cp_model.CpSolver()
    # the time limit is the whole call's: building the model counts too, less a margin for
    # CP-SAT to start and stop its workers and for reading the answer back (the first solve in
    # a process overran a 0.6 s margin by 0.25-0.6 s: CP-SAT's one-time start)
    left = time_limit - (time.perf_counter() - started) - 1.2
    solver.parameters.max_time_in_seconds = max(0.5, left)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    # Presolve is the slow part at 500 people (7 s of 10 with the defaults); one pass without
    # probing starts the search from the hint after about 1 s, and the search improves on it.
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.max_presolve_iterations = 1
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        # Leaving people out is always allowed, so this is a time limit too short to read the
        # hint back: the greedy answer stands, said as such.
        greedy.seconds = time.perf_counter() - started
        return _with_friends(greedy, by_id, list(friends), friend_load)

    groups = []
    for g in G:
        if not solver.boolean_value(active[g]):
            continue
        members = sorted(p for p in in_slot[g] if solver.boolean_value(x[p, g]))
        groups.append(Group(concern=slot_concern[g], members=members))
    mix, objective = _score(groups, by_id, attributes, seat_weight)
    seated = {p for g in groups for p in g.members}
    answer = Answer(
        groups=groups,
        left_out=sorted(set(by_id) - seated),
        mix=mix,
        objective=objective,
        bound=max(objective, min(solver.best_objective_bound, greedy.bound)),
        status=solver.status_name(status),
        seconds=time.perf_counter() - started,
        mix_ceiling=greedy.mix_ceiling,
    )
    return _with_friends(answer, by_id, list(friends), friend_load)


def _hint(model, greedy: Answer, x, active, slot_concern, values, anchored, people) -> None:
    """Start the search from the greedy answer: each of its groups in a free slot of its concern."""
    free: dict[int, list[int]] = defaultdict(list)
    for g, c in enumerate(slot_concern):
        free[c].append(g)
    seat: dict[int, int] = {}
    used = set()
    for group in greedy.groups:
        if free[group.concern]:
            g = free[group.concern].pop(0)
            used.add(g)
            seat.update((p, g) for p in group.members)
    for (p, g), var in x.items():
        model.add_hint(var, seat.get(p) == g)
    for g, var in enumerate(active):
        model.add_hint(var, g in used)
    # the mix and anchor variables too, so that the hint is a whole solution the solver keeps
    held = defaultdict(set)
    for p, g in seat.items():
        held[g].update((a, v) for a, v in people[p].attributes.items() if v is not None)
    for (g, a, v), var in values.items():
        model.add_hint(var, (a, v) in held[g])
    for g, var in enumerate(anchored):
        model.add_hint(var, any(people[p].anchor and q == g for p, q in seat.items()))


def _with_friends(
    answer: Answer, people: dict[int, PoolPerson], friends: list[FriendCandidate], load: int
) -> Answer:
    given: Counter = Counter()
    for group in answer.groups:
        seated = set(group.members)
        choices = [
            f
            for f in friends
            if given[f.id] < load and (f.person_id is None or f.person_id not in seated)
        ]
        if not choices:
            continue
        friend = min(choices, key=lambda f: (group.concern not in f.concerns, given[f.id], f.id))
        group.friend = friend.id
        given[friend.id] += 1
    return answer


def check(answer: Answer, people: list[PoolPerson], size_min: int, size_max: int, locks=()):
    """The rules every answer keeps; returns the broken ones in words (empty when all hold)."""
    broken = []
    by_id = {p.id: p for p in people}
    where: dict[int, int] = {}
    for i, group in enumerate(answer.groups):
        if not size_min <= len(group.members) <= size_max:
            broken.append(f"group {i} has {len(group.members)} members")
        for p in group.members:
            if p in where:
                broken.append(f"person {p} sits twice")
            where[p] = i
            if group.concern not in by_id[p].concerns:
                broken.append(f"person {p} did not raise group {i}'s concern")
        if group.friend and group.friend in {f"person:{p}" for p in group.members}:
            broken.append(f"group {i}'s friend sits in it")
    for lock in locks:
        a, b = where.get(lock.a), where.get(lock.b)
        if lock.together and a != b:
            broken.append(f"{lock.a} and {lock.b} are locked together but apart")
        if not lock.together and a is not None and a == b:
            broken.append(f"{lock.a} and {lock.b} are locked apart but together")
    return broken
