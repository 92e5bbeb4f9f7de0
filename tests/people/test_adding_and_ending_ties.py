import pytest
from factories import PersonFactory, RelationshipFactory

from heard.people.models import Relationship


def ties_url(person):
    return f"/people/{person.pk}/ties/"


def test_a_volunteer_finds_a_neighbour_and_ties_them(lee_client, ours, maple, org):
    ana = PersonFactory(organization=org, name="Ana Ruiz", place=maple)
    page = lee_client.get(ties_url(ours.rosa), {"q": "Ana"})
    assert page.status_code == 200 and "Ana Ruiz" in page.content.decode()
    page = lee_client.post(
        ties_url(ours.rosa), {"other": ana.pk, "kind": "neighbour", "note": " next door "}
    )
    assert page.status_code == 302
    tie = Relationship.objects.get(person=ours.rosa, other=ana)
    assert (tie.kind, tie.note, tie.organization) == ("neighbour", "next door", org)


def test_the_same_tie_the_other_way_round_is_not_recorded_twice(may_client, ours):
    RelationshipFactory(person=ours.sam, other=ours.rosa, kind="friend")
    page = may_client.post(ties_url(ours.rosa), {"other": ours.sam.pk, "kind": "friend"})
    assert page.status_code == 400
    assert "already tied (friend)" in page.content.decode()
    assert Relationship.objects.count() == 1
    # Another kind of tie between the same two is its own.
    assert (
        may_client.post(ties_url(ours.rosa), {"other": ours.sam.pk, "kind": "coworker"}).status_code
        == 302
    )


@pytest.mark.parametrize("other", ["self", "outsider", "off_turf"])
def test_only_someone_else_the_member_may_see_can_be_tied(lee_client, ours, other, otto):
    chosen = {
        "self": ours.rosa,
        "outsider": PersonFactory(organization=otto.organization, name="Westside Person"),
        "off_turf": ours.sam,  # Riverside: off the volunteer's turf
    }[other]
    page = lee_client.post(ties_url(ours.rosa), {"other": chosen.pk, "kind": "friend"})
    assert page.status_code == 400
    assert not Relationship.objects.exists()


def test_ending_a_tie(may_client, lee_client, otto_client, ours):
    tie = RelationshipFactory(person=ours.rosa, other=ours.sam)
    # The volunteer cannot see Sam, so the tie is not theirs to see or end.
    assert lee_client.post(f"/people/{ours.rosa.pk}/ties/{tie.pk}/end/").status_code == 404
    assert otto_client.post(f"/people/{ours.rosa.pk}/ties/{tie.pk}/end/").status_code == 404
    assert may_client.post(f"/people/{ours.rosa.pk}/ties/{tie.pk}/end/").status_code == 302
    assert not Relationship.objects.exists()
