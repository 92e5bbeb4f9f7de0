"""In a small group, each quote and the leader signals belong to the person who said or showed
them: consent is one person's to give, and a leader is one person, not the group's first name."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from heard.conversations.models import Conversation
from heard.conversations.services import ConversationRecord, HeardQuote, LeaderSignals
from heard.conversations.services import record_conversation as store
from heard.leadership.models import Assessment
from heard.people.models import Person
from heard.people.services import NewPerson

from .capture import URL, capture_data, error_next_to


def test_each_quote_and_the_leader_signals_go_to_whoever_the_form_names(may_client, ours):
    data = capture_data(
        ours.campaign,
        venue="small_group",
        people=[ours.rosa, ours.sam],
        new_people=[{"name": "Grace Lin"}],
        quotes=[
            {"text": "I work two jobs and still can't make rent.", "consent": "public",
             "speaker": f"p{ours.sam.pk}"},
            {"text": "Nobody asked us before.", "consent": "team", "speaker": "n0"},
            {"text": "We need each other.", "consent": "none"},
        ],
        wants_to_host="on",
        signals_seen_in="n0",
    )  # fmt: skip
    response = may_client.post(URL, data)
    assert response.status_code == 302, response.context["form"].errors
    conversation = Conversation.objects.get(pk=data["client_id"])
    grace = Person.objects.get(name="Grace Lin")
    said = [(q.text[:10], q.person) for q in conversation.quotes.all()]
    assert said == [("I work two", ours.sam), ("Nobody ask", grace), ("We need ea", ours.rosa)]
    assert Assessment.objects.get(conversation=conversation).person == grace


def test_the_form_offers_the_groups_people_and_keeps_the_choice_after_an_error(may_client, ours):
    data = capture_data(
        ours.campaign,
        venue="small_group",
        people=[ours.rosa, ours.sam],
        new_people=[{"name": "Grace <b>Lin</b>"}],
        quotes=[{"text": "Rent.", "consent": "team", "speaker": "n0"}],
        held_on="2999-01-01",
    )
    response = may_client.post(URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<option value="p{ours.sam.pk}">Sam Okafor</option>' in html
    assert '<option value="n0" selected>Grace &lt;b&gt;Lin&lt;/b&gt;</option>' in html
    assert "data-speaker-field hidden" not in html


def test_with_one_person_there_is_nobody_to_choose_between(may_client, ours):
    html = may_client.get(URL).content.decode()
    assert html.count("data-speaker-field hidden") == 2  # the quote's and the signals'


def test_someone_who_was_not_there_cannot_be_named(may_client, ours):
    data = capture_data(
        ours.campaign,
        people=[ours.rosa],
        quotes=[{"text": "Not mine.", "consent": "public", "speaker": f"p{ours.sam.pk}"}],
        signals_seen_in="n3",
    )
    response = may_client.post(URL, data)
    assert response.status_code == 400
    message = "Choose someone who is in this conversation."
    assert error_next_to(response, "id_quote-0-speaker", message)
    assert error_next_to(response, "id_signals_seen_in", message)
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()


def test_a_volunteer_cannot_name_someone_outside_their_turf(lee_client, ours):
    # Sam lives outside Lee's turf: even posted among the people, he is not offered.
    data = capture_data(
        ours.campaign,
        people=[ours.rosa, ours.sam],
        quotes=[{"text": "Hm.", "consent": "team", "speaker": f"p{ours.sam.pk}"}],
    )
    response = lee_client.post(URL, data)
    assert response.status_code == 400
    assert "Sam Okafor" not in response.content.decode()


def a_record(ours, **changes) -> ConversationRecord:
    fields = {
        "id": uuid.uuid4(),
        "campaign": ours.campaign,
        "venue": "small_group",
        "held_on": timezone.localdate(),
        "people": [ours.rosa],
        "answers": {ours.problem.pk: "The boiler."},
    }
    return ConversationRecord(**(fields | changes))


def test_the_service_refuses_a_quote_from_someone_not_in_the_conversation(may, ours):
    for record in (
        a_record(ours, quotes=[HeardQuote("Not mine.", "public", person=ours.sam)]),
        a_record(ours, signals=LeaderSignals(took_on_role=True, person=ours.sam)),
        # An equal-looking new person that is not one of this record's new people.
        a_record(
            ours,
            new_people=[NewPerson("Grace Lin")],
            quotes=[HeardQuote("Hi.", "team", person=NewPerson("Grace Lin"))],
        ),
    ):
        with pytest.raises(ValidationError) as refused:
            store(by=may, record=record)
        assert "not in this conversation" in str(refused.value)
        assert refused.value.message_dict["people"] == [
            "A quote or leader signal names someone who is not in this conversation."
        ]
        assert not Conversation.objects.filter(pk=record.id).exists()
