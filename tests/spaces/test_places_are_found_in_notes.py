"""Places found in notes: the registry's places named in the answers a member may read (case,
accents and word boundaries), and places not in the registry yet, which staff add with one
button that records the people of those conversations as going there."""

import pytest
from django.urls import reverse
from factories import AnswerFactory, ConversationFactory, PersonFactory

from heard.people.models import Consent
from heard.people.services import record_consent
from heard.spaces.mentions import find_in_notes, mentions_of
from heard.spaces.models import Regular, ThirdSpace
from heard.spaces.services import save_space


@pytest.fixture
def notes(ours, may, lee, maple):
    cafe = save_space(by=may, name="Café Olé", kind="cafe")
    ana = PersonFactory(organization=ours.org, name="Ana Ruiz", place=maple)
    by_lee = ConversationFactory(campaign=ours.campaign, held_by=lee.user, people=[ana])
    AnswerFactory(
        conversation=by_lee,
        question=ours.problem,
        text="We all meet at the CAFE OLE after Mass. The kids play in Piedmont Park.",
    )
    AnswerFactory(
        conversation=ours.by_may,
        question=ours.hope,
        text="Sam sees everyone at the laundromat on Elm; cafe oles are not a place.",
    )
    return cafe, by_lee, ana


def test_a_registered_place_is_found_whatever_its_case_or_accents(may, notes):
    cafe, by_lee, _ = notes
    mentions = mentions_of(may, cafe)
    assert [m.conversation_id for m in mentions] == [by_lee.pk]
    assert "CAFE OLE after Mass" in mentions[0].snippet
    assert find_in_notes(may).count_for(cafe) == 1


def test_places_not_in_the_registry_are_candidates(may, notes):
    found = {c.name: c for c in find_in_notes(may).candidates}
    assert set(found) == {"Piedmont Park", "Laundromat on Elm"}
    assert found["Piedmont Park"].kind == "park"
    assert found["Laundromat on Elm"].kind == "laundromat"


def test_a_volunteer_finds_only_in_the_conversations_they_may_read(lee, notes):
    found = find_in_notes(lee)
    assert [c.name for c in found.candidates] == ["Piedmont Park"]
    assert mentions_of(lee, notes[0])[0].conversation_id == notes[1].pk


def test_notes_withheld_by_consent_are_not_read(may, notes):
    cafe, by_lee, ana = notes
    # Through the service, so that the test fails if a no to notes stops emptying her notes.
    record_consent(by=may, person=ana, topic=Consent.Topic.RECORDS, granted=False)
    assert not by_lee.answers.exists()
    assert mentions_of(may, cafe) == []


def test_the_registry_page_offers_candidates_to_staff_only(may_client, lee_client, notes):
    page = may_client.get(reverse("spaces:list")).content.decode()
    assert "Mentioned in notes, not yet in the registry" in page
    assert "Piedmont Park" in page
    assert "mentioned in 1 note" in page
    page = lee_client.get(reverse("spaces:list")).content.decode()
    assert "not yet in the registry" not in page


def test_one_button_adds_the_place_and_its_people_as_regulars(may_client, notes):
    _, by_lee, ana = notes
    response = may_client.post(reverse("spaces:found"), {"key": "piedmont park"})
    park = ThirdSpace.objects.get(name="Piedmont Park")
    assert response["Location"] == reverse("spaces:detail", args=[park.pk])
    assert park.kind == "park"
    regular = Regular.objects.get(space=park)
    assert (regular.person, regular.how, regular.conversation_id) == (ana, "notes", by_lee.pk)


def test_a_name_the_notes_do_not_hold_adds_nothing(may_client, notes):
    response = may_client.post(reverse("spaces:found"), {"key": "the white house"})
    assert response["Location"] == reverse("spaces:list")
    assert ThirdSpace.objects.count() == 1
