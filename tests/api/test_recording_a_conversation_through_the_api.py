"""POST /api/v1/conversations/ stores through `record_conversation`, the capture form's service:
everything in one go, the same id twice stored once, refusals in words."""

import datetime as dt
import uuid

from django.utils import timezone

from heard.commitments.models import Commitment
from heard.conversations.models import Conversation, Quote
from heard.people.models import Consent, Person


def _body(ours, **more) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "campaign_id": ours.campaign.pk,
        "venue": "door",
        "held_on": timezone.localdate().isoformat(),
        "people": [ours.rosa.pk],
        "answers": [{"question_id": ours.problem.pk, "text": "The heating is off again."}],
        **more,
    }


def _post(client, body):
    return client.post("/api/v1/conversations/", body, content_type="application/json")


def test_a_conversation_is_stored_with_its_answers_quotes_new_people_and_promises(ours, lee, api):
    due = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    body = _body(
        ours,
        new_people=[{"name": "Ines Duarte", "phone": "555-0303", "may_contact": False}],
        quotes=[{"text": "We wear coats indoors.", "consent": "team"}],
        promises=[
            {"side": "person", "what": "Ask the neighbours upstairs", "hours": 1.5, "due_on": due}
        ],
        next_step="house_meeting",
        next_step_response="yes",
    )
    response = _post(api(lee), body)
    assert response.status_code == 201, response.content
    stored = Conversation.objects.get(pk=body["id"])
    assert stored.held_by == lee.user
    assert {p.name for p in stored.people.all()} == {"Rosa Alvarez", "Ines Duarte"}
    assert stored.answers.get().text == "The heating is off again."
    assert stored.quotes.get().person == ours.rosa  # the first person named said it
    promise = Commitment.objects.get(conversation=stored)
    assert (promise.what, str(promise.hours)) == ("Ask the neighbours upstairs", "1.5")
    ines = Person.objects.get(name="Ines Duarte")
    assert ines.consents.get(topic=Consent.Topic.CONTACT).granted is False
    data = response.json()
    assert data["id"] == body["id"] and data["answers"][0]["text"] == "The heating is off again."
    # Ines said no to contact: the answer carries no phone of hers anywhere.
    assert "555-0303" not in response.content.decode()


def test_sending_the_same_conversation_again_returns_it_and_stores_nothing_more(ours, lee, api):
    client = api(lee)
    body = _body(ours, new_people=[{"name": "Ines Duarte"}])
    first, again = _post(client, body), _post(client, body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert Conversation.objects.filter(pk=body["id"]).count() == 1
    assert Person.objects.filter(name="Ines Duarte").count() == 1


def test_another_members_conversation_id_is_409_and_reveals_nothing(ours, may, lee, api):
    body = _body(ours, id=str(ours.by_may.pk))
    response = _post(api(lee), body)
    assert response.status_code == 409
    assert response.json() == {"detail": "This conversation id is already in use."}
    assert "Sam Okafor" not in response.content.decode()


def test_a_refused_conversation_is_422_with_the_reasons_in_words(ours, lee, api):
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    response = _post(api(lee), _body(ours, held_on=future, answers=[]))
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "held_on: The date is in the future." in detail
    assert "The conversation is empty: write down at least one thing you heard." in detail
    assert not Conversation.objects.filter(held_on=future).exists()


def test_people_and_places_the_member_may_not_see_are_unknown(ours, theirs, lee, api):
    client = api(lee)
    # Sam is of our organization but off Lee's turf; Olga is another organization's.
    for person in (ours.sam, theirs.olga):
        response = _post(client, _body(ours, people=[person.pk]))
        assert response.status_code == 422
        assert response.json() == {"detail": "people: Unknown person."}
    response = _post(client, _body(ours, place_id=theirs.place.pk))
    assert response.json() == {"detail": "place: Unknown place."}
    response = _post(client, _body(ours, campaign_id=theirs.campaign.pk))
    assert response.json() == {"detail": "Unknown campaign."}
    assert Conversation.objects.count() == 3  # ours two, theirs one


def test_a_quote_from_someone_not_in_the_conversation_is_refused(ours, may, api):
    body = _body(ours, quotes=[{"text": "Not mine", "consent": "team", "person_id": ours.sam.pk}])
    response = _post(api(may), body)
    assert response.status_code == 422
    assert "not in this conversation" in response.json()["detail"]
    assert not Quote.objects.filter(text="Not mine").exists()


def test_a_malformed_body_is_422_per_field(ours, lee, api):
    response = _post(api(lee), _body(ours, venue="spaceship", id="not-a-uuid"))
    assert response.status_code == 422
    fields = {tuple(error["loc"])[-1] for error in response.json()["detail"]}
    assert {"venue", "id"} <= fields
