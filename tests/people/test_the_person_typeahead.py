"""The capture form's typeahead: JSON of the people the asker may see, matching what was typed."""

from django.urls import reverse
from factories import PersonFactory

URL = reverse("people:search")


def test_it_finds_people_by_part_of_their_name_with_place_and_household(may_client, ours):
    response = may_client.get(URL, {"q": "rosa"})
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "results": [
            {
                "id": ours.rosa.pk,
                "name": "Rosa Alvarez",
                "place": "Maple Court",
                "household": "Alvarez household",
            }
        ]
    }


def test_an_empty_query_finds_nobody(may_client, ours):
    assert may_client.get(URL, {"q": "   "}).json() == {"results": []}
    assert may_client.get(URL).json() == {"results": []}


def test_it_offers_at_most_twelve_people_in_name_order(may_client, org):
    for n in range(20):
        PersonFactory(organization=org, name=f"Lopez {n:02d}")
    results = may_client.get(URL, {"q": "lopez"}).json()["results"]
    assert [p["name"] for p in results] == [f"Lopez {n:02d}" for n in range(12)]


def test_markup_in_a_name_comes_back_as_plain_json_text(may_client, org):
    # The capture script puts names on the page with textContent, never as HTML.
    PersonFactory(organization=org, name="<img src=x onerror=alert(1)>")
    response = may_client.get(URL, {"q": "img"})
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"][0]["name"] == "<img src=x onerror=alert(1)>"


def test_the_typeahead_needs_the_same_queries_for_3_or_30_matches(
    lee_client, org, maple, queries_for
):
    for _ in range(3):
        PersonFactory(organization=org, place=maple)
    few = queries_for(lee_client, URL, {"q": "neighbour"})
    for _ in range(27):
        PersonFactory(organization=org, place=maple)
    assert queries_for(lee_client, URL, {"q": "neighbour"}) == few
