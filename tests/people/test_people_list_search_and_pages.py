"""The people list: search by name, phone or email, thirty to a page, and the same number of
queries however many people there are."""

from django.urls import reverse
from factories import HouseholdFactory, PersonFactory

URL = reverse("people:list")


def names(response):
    return [p.name for p in response.context["page"]]


def test_searching_by_part_of_a_name_ignores_case(may_client, ours):
    assert names(may_client.get(URL, {"q": "alvar"})) == ["Rosa Alvarez"]
    assert names(may_client.get(URL, {"q": "  OKAFOR "})) == ["Sam Okafor"]


def test_searching_by_phone_or_email(may_client, ours):
    PersonFactory(organization=ours.org, name="Ines Park", email="ines@example.org")
    assert names(may_client.get(URL, {"q": "555-0202"})) == ["Sam Okafor"]
    assert names(may_client.get(URL, {"q": "ines@example"})) == ["Ines Park"]


def test_a_search_that_finds_nobody_says_so(may_client, ours):
    response = may_client.get(URL, {"q": "Zebedee"})
    assert names(response) == []
    assert "Nobody matches “Zebedee”" in response.content.decode()


def test_the_list_shows_place_and_household(may_client, ours):
    text = may_client.get(URL).content.decode()
    assert "Maple Court" in text and "Alvarez household" in text


def test_people_come_thirty_to_a_page_in_name_order(may_client, org):
    for n in range(65):
        PersonFactory(organization=org, name=f"Person {n:02d}")
    first = may_client.get(URL)
    assert names(first) == [f"Person {n:02d}" for n in range(30)]
    assert "Page 1 of 3 · 65 in all" in first.content.decode()
    last = may_client.get(URL, {"page": 3})
    assert names(last) == [f"Person {n:02d}" for n in range(60, 65)]
    # A page past the end shows the last page rather than an error.
    assert names(may_client.get(URL, {"page": 99})) == names(last)


def test_the_next_page_keeps_the_search(may_client, org):
    for n in range(35):
        PersonFactory(organization=org, name=f"Garcia {n:02d}")
    PersonFactory(organization=org, name="Somebody Else")
    text = may_client.get(URL, {"q": "garcia"}).content.decode()
    assert 'href="?q=garcia&page=2"' in text
    assert names(may_client.get(URL, {"q": "garcia", "page": 2})) == [
        f"Garcia {n:02d}" for n in range(30, 35)
    ]


def test_the_list_needs_the_same_queries_for_3_or_30_people(
    may_client, lee_client, org, maple, queries_for, django_assert_max_num_queries
):
    def add_people(n):
        for _ in range(n):
            household = HouseholdFactory(organization=org)
            PersonFactory(organization=org, place=maple, household=household)

    add_people(3)
    few = queries_for(may_client, URL), queries_for(lee_client, URL)
    add_people(27)
    assert (queries_for(may_client, URL), queries_for(lee_client, URL)) == few
    with django_assert_max_num_queries(6):
        lee_client.get(URL)
