"""A new person typed at capture who looks like someone already recorded: the form comes back
once, before anything is saved, with "Looks like Graciela Ramírez (Maple Court, same name, same
phone)" and a choice, "use her" or "this is someone new"; no silent duplicate."""

import pytest
from factories import PersonFactory

from heard.conversations.models import Conversation
from heard.people import consent
from heard.people.models import Consent, Person
from heard.people.services import record_consent

from .capture import URL, capture_data


@pytest.fixture
def graciela(org, maple):
    return PersonFactory(
        organization=org, name="Graciela Ramírez", phone="(731) 555-0142", place=maple
    )


def typed(ours, same_as=None, **extra):
    row = {"name": "Graciela Ramirez", "phone": "731-555-0142"}
    if same_as is not None:
        row["same_as"] = same_as
    return capture_data(
        ours.campaign,
        answers={ours.problem: "The heat goes off at night."},
        new_people=[row],
        **extra,
    )


def test_the_form_comes_back_once_naming_who_she_looks_like(lee_client, ours, graciela):
    response = lee_client.post(URL, typed(ours))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Looks like Graciela Ramírez (Maple Court, same name, same phone)" in page
    assert f'value="{graciela.pk}"> Use Graciela Ramírez' in page
    assert 'value="new"> This is someone new' in page
    assert "Not saved yet: a new person looks like someone already recorded." in page
    assert not Conversation.objects.filter(answers__text="The heat goes off at night.").exists()
    assert Person.objects.filter(name_folded="graciela ramirez").count() == 1


def test_use_her_records_the_conversation_with_the_person_already_known(lee_client, ours, graciela):
    data = typed(ours, same_as=str(graciela.pk))
    data.update({"quote-0-text": "We sleep in our coats.", "quote-0-speaker": "n0"})
    response = lee_client.post(URL, data)
    assert response.status_code == 302
    conversation = Conversation.objects.get(pk=data["client_id"])
    assert list(conversation.people.all()) == [graciela]
    assert [q.person for q in conversation.quotes.all()] == [graciela]
    assert Person.objects.filter(name_folded="graciela ramirez").count() == 1


def test_a_no_said_at_the_door_is_hers_when_the_row_is_her(lee_client, ours, graciela):
    data = typed(ours, same_as=str(graciela.pk))
    data.update({"new-0-notes_kept": "no", "new-0-may_contact": "no"})
    assert lee_client.post(URL, data).status_code == 302
    conversation = Conversation.objects.get(pk=data["client_id"])
    assert not conversation.answers.exists()  # no notes kept of someone who said no
    assert not consent.may_contact(graciela)
    assert not consent.notes_may_be_kept([graciela])


def test_a_yes_by_default_does_not_undo_her_earlier_no(lee_client, may, ours, graciela):
    record_consent(by=may, person=graciela, topic=Consent.Topic.CONTACT, granted=False)
    assert lee_client.post(URL, typed(ours, same_as=str(graciela.pk))).status_code == 302
    assert not consent.may_contact(graciela)


def test_someone_new_is_stored_as_a_new_person(lee_client, ours, graciela):
    response = lee_client.post(URL, typed(ours, same_as="new"))
    assert response.status_code == 302
    assert Person.objects.filter(name_folded="graciela ramirez").count() == 2


def test_an_id_the_member_may_not_see_is_asked_again(lee_client, ours, graciela, theirs):
    response = lee_client.post(URL, typed(ours, same_as=str(theirs.olga.pk)))
    assert response.status_code == 200
    assert "Looks like Graciela Ramírez" in response.content.decode()
    assert "Olga" not in response.content.decode()


def test_someone_the_volunteer_may_not_see_is_not_named(lee_client, ours, org, riverside):
    PersonFactory(
        organization=org, name="Graciela Ramírez", phone="(731) 555-0142", place=riverside
    )
    response = lee_client.post(URL, typed(ours))
    assert response.status_code == 302
