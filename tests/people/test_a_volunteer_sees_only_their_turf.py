"""A volunteer sees the people of their turf and the people they talked with themselves; the
organizer sees everyone in the organization."""

from django.urls import reverse
from factories import ConversationFactory, PersonFactory

from heard.people.queries import people_for


def test_a_volunteer_sees_only_their_turf(lee_client, ours):
    response = lee_client.get(reverse("people:list"))
    names = [p.name for p in response.context["page"]]
    assert names == ["Rosa Alvarez"]
    assert "Sam Okafor" not in response.content.decode()


def test_the_organizer_sees_everyone_in_the_organization(may_client, ours, theirs):
    response = may_client.get(reverse("people:list"))
    assert [p.name for p in response.context["page"]] == ["Rosa Alvarez", "Sam Okafor"]


def test_a_volunteer_cannot_open_a_person_outside_their_turf_they_never_talked_with(
    lee_client, ours
):
    assert lee_client.get(reverse("people:detail", args=[ours.sam.pk])).status_code == 404


def test_a_volunteer_sees_someone_outside_their_turf_once_they_talked_with_them(
    lee, lee_client, ours, riverside
):
    tomas = PersonFactory(organization=ours.org, name="Tomas Reyes", place=riverside)
    ConversationFactory(campaign=ours.campaign, held_by=lee.user, people=[tomas])
    assert lee_client.get(reverse("people:detail", args=[tomas.pk])).status_code == 200
    names = [p.name for p in lee_client.get(reverse("people:list")).context["page"]]
    assert names == ["Rosa Alvarez", "Tomas Reyes"]


def test_someone_the_volunteer_talked_with_many_times_is_listed_once(lee, ours):
    for _ in range(3):
        ConversationFactory(campaign=ours.campaign, held_by=lee.user, people=[ours.rosa])
    assert list(people_for(lee)) == [ours.rosa]


def test_a_volunteer_with_no_turf_sees_only_the_people_they_talked_with(lee, ours):
    lee.turf.clear()
    assert list(people_for(lee)) == [ours.rosa]  # through the conversation they held
    ours.by_lee.participants.all().delete()
    assert list(people_for(lee)) == []


def test_the_typeahead_offers_a_volunteer_only_the_people_they_may_see(lee_client, ours):
    response = lee_client.get(reverse("people:search"), {"q": "a"})
    assert [p["name"] for p in response.json()["results"]] == ["Rosa Alvarez"]
