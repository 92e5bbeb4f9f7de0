"""Bonders and bridges on small graphs whose answer is plain to see."""

from factories import PersonFactory, RelationshipFactory

from heard.common_ground import network
from heard.common_ground.connectors import connectors_on, roles_of
from heard.common_ground.divides import choice_for
from heard.common_ground.models import PersonSide


def two_clusters():
    """Renters 1-5 all know each other; owners 11-15 all know each other; 5 and 11 know each
    other (the only way across), and 3 also knows 12."""
    renters, owners = range(1, 6), range(11, 16)
    ties = [(a, b) for group in (renters, owners) for a in group for b in group if a < b]
    ties += [(5, 11), (3, 12)]
    sides = {p: "r" for p in renters} | {p: "o" for p in owners}
    return ties, sides


def test_the_people_who_connect_the_two_clusters_are_the_bridges():
    ties, sides = two_clusters()
    found = network.connectors(ties, sides)
    # 5 and 11 carry most paths across; 3 and 12 carry the rest. Ties across: 1 each, so with
    # the two-ties rule nobody qualifies yet...
    assert found.bridges == []
    # ...until 5 also knows 13: now 5 knows two owners, and is the bridge.
    found = network.connectors([*ties, (5, 13)], sides)
    assert [c.person_id for c in found.bridges] == [5]
    assert found.bridges[0].ties_by_side == {"r": 4, "o": 2}


def test_bonders_know_many_more_on_their_side_than_is_typical():
    # A star: 1 knows renters 2-8, who know nobody else; owners 11-12 know each other.
    ties = [(1, n) for n in range(2, 9)] + [(11, 12)]
    sides = {n: "r" for n in range(1, 9)} | {11: "o", 12: "o"}
    found = network.connectors(ties, sides)
    assert [c.person_id for c in found.bonders] == [1]
    assert network.reasons(found.bonders[0], {"r": "Renter"}.get, bridge=False) == (
        "knows 7 others on “Renter” (100% of their ties to people whose side is known)"
    )


def test_someone_whose_side_is_unknown_can_still_be_a_bridge():
    # 9's side is unknown; they know two renters and two owners, and hold the only path.
    ties = [(1, 2), (2, 9), (1, 9), (9, 11), (9, 12), (11, 12)]
    sides = {1: "r", 2: "r", 11: "o", 12: "o"}
    found = network.connectors(ties, sides)
    assert [c.person_id for c in found.bridges] == [9]
    reason = network.reasons(found.bridges[0], {"r": "Renter", "o": "Owner"}.get, bridge=True)
    assert reason.startswith("knows 2 on “Owner” and 2 on “Renter”; on ")


def test_the_pages_name_them_with_reasons_for_staff_only(ours, may, lee, org, tenure):
    people = [PersonFactory(organization=org, name=f"Neighbour {i}") for i in range(8)]
    renters, owners = people[:4], people[4:]
    for group, side in ((renters, tenure.renter), (owners, tenure.owner)):
        for person in group:
            PersonSide.objects.create(person=person, divide=tenure.divide, side=side)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                RelationshipFactory(organization=org, person=a, other=b)
    bridge = renters[0]
    RelationshipFactory(organization=org, person=bridge, other=owners[0])
    RelationshipFactory(organization=org, person=bridge, other=owners[1])
    divide = choice_for(may, str(tenure.divide.pk))
    found = connectors_on(may, divide)
    assert [row.person for row in found.bridges] == [bridge]
    assert "2 on “Owner”" in found.bridges[0].reason
    roles = roles_of(may, bridge)
    assert ("bridge", divide.key) in {(r.role, r.divide.key) for r in roles}
    assert connectors_on(lee, divide) is None and roles_of(lee, bridge) == []


def test_every_divide_at_once_gives_what_each_divide_gives(ours, may, tenure, org):
    from factories import AssessmentFactory, PlaceFactory

    from heard.common_ground.divides import divide_choices, every_person_side, person_sides

    PersonSide.objects.create(person=ours.rosa, divide=tenure.divide, side=tenure.owner)
    AssessmentFactory(person=ours.sam, kindliness="rescuer")
    # A turf inside a neighbourhood counts for the neighbourhood.
    turf = PlaceFactory(organization=org, name="Block 4", kind="turf", parent=ours.rosa.place)
    ours.sam.place = turf
    ours.sam.save()
    choices = divide_choices(may)
    together = every_person_side(may, choices)
    for choice in choices:
        assert together[choice.key] == person_sides(may, choice), choice.name
    assert together["neighbourhood"][ours.rosa.pk] == str(ours.rosa.place_id)
    assert together["neighbourhood"][ours.sam.pk] == str(ours.rosa.place_id)
    assert together["language"][ours.rosa.pk] == ours.rosa.language
    assert together["kindliness"] == {ours.sam.pk: "rescuer"}
    assert together[str(tenure.divide.pk)] == {ours.rosa.pk: str(tenure.owner.pk)}


def test_a_large_graph_is_scored_by_the_worker_and_a_small_one_at_once(
    ours, may, org, tenure, monkeypatch, django_capture_on_commit_callbacks
):
    from heard.common_ground import connectors, tasks
    from heard.common_ground.models import TieScores

    a, b, c = (PersonFactory(organization=org) for _ in range(3))
    RelationshipFactory(organization=org, person=a, other=b)
    RelationshipFactory(organization=org, person=b, other=c)
    divide = choice_for(may, str(tenure.divide.pk))
    found = connectors_on(may, divide)
    assert found.fresh
    stored = TieScores.objects.get(organization=org)
    assert stored.scores[str(b.pk)] == 1.0  # b is on the only path between a and c
    # Above the limit, the page asks the worker once and uses the last scores meanwhile.
    monkeypatch.setattr(network, "EXACT_UP_TO", 2)
    RelationshipFactory(organization=org, person=a, other=c)
    asked = []
    monkeypatch.setattr(connectors, "_ask_worker", asked.append)
    with django_capture_on_commit_callbacks(execute=True):
        assert not connectors_on(may, divide).fresh
        assert not connectors_on(may, divide).fresh
    assert asked == [org.pk]
    assert TieScores.objects.get(organization=org).scores[str(b.pk)] == 1.0
    # The worker's run stores the scores for the ties as they are: the page is fresh again.
    assert tasks.score_ties.call(org.pk) == 3
    assert connectors_on(may, divide).fresh
    assert TieScores.objects.get(organization=org).scores[str(b.pk)] == 0.0


def test_one_persons_roles_are_what_the_whole_list_says():
    import random

    rng = random.Random(3)
    ties = [(rng.randrange(60), rng.randrange(60)) for _ in range(150)]
    ties += [(1, n) for n in range(2, 12)]  # someone who stands out
    sides = {p: "ab"[p % 2] for p in range(60) if p % 7}
    neighbours = network.neighbours_of(ties)
    between = network.betweenness(network.graph_of(ties))
    found = network.connectors(neighbours, sides, between)
    whole: dict = {}
    for role, rows in (("bonder", found.bonders), ("bridge", found.bridges)):
        for row in rows:
            whole.setdefault(row.person_id, {})[role] = row
    typical = network.typical_betweenness(neighbours, between)
    for person in neighbours:
        one = network.person_roles(person, neighbours, sides, between, typical)
        assert set(one) == set(whole.get(person, {})), person
    assert any(whole.values())
