"""Search ignores accents and case in names, the same on SQLite and PostgreSQL: "Tomas" finds
"Tomás", "ramirez" finds "Ramírez", "HECTOR" finds "Héctor" in every people search box."""

import pytest
from django.urls import reverse
from factories import ConversationFactory, PersonFactory

from heard.people.queries import search_people


@pytest.fixture
def accented(org, maple):
    return {
        "tomas": PersonFactory(organization=org, name="Tomás Herrera", place=maple),
        "graciela": PersonFactory(organization=org, name="Graciela Ramírez", place=maple),
        "hector": PersonFactory(organization=org, name="Héctor Núñez", place=maple),
    }


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("Tomas", "tomas"),
        ("tomás", "tomas"),
        ("ramirez", "graciela"),
        ("RAMÍREZ", "graciela"),
        ("HECTOR", "hector"),
        ("nunez", "hector"),
        ("  hector   nunez ", "hector"),
    ],
)
def test_the_people_search_finds_a_name_typed_without_its_accents(may, accented, typed, who):
    assert list(search_people(may, typed)) == [accented[who]]


def test_the_people_list_and_the_typeahead_find_tomas_by_tomas(may_client, accented):
    listing = may_client.get(reverse("people:list"), {"q": "Tomas"})
    assert "Tomás Herrera" in listing.content.decode()
    typeahead = may_client.get(reverse("people:search"), {"q": "tomas"}).json()["results"]
    assert [p["name"] for p in typeahead] == ["Tomás Herrera"]


def test_the_conversations_search_finds_a_conversation_by_a_name_without_accents(
    may_client, may, ours, accented
):
    ConversationFactory(campaign=ours.campaign, held_by=may.user, people=[accented["hector"]])
    page = may_client.get(reverse("conversations:list"), {"q": "hector"}).content.decode()
    assert "Héctor Núñez" in page


def test_a_query_of_only_marks_or_spaces_finds_nobody_by_name(may, accented):
    assert list(search_people(may, "\u0301")) == []


def test_a_volunteer_still_finds_only_the_people_they_may_see(lee, org, riverside, accented):
    PersonFactory(organization=org, name="Tomás Elsewhere", place=riverside)
    assert [p.name for p in search_people(lee, "tomas")] == ["Tomás Herrera"]
