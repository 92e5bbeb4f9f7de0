"""The phone's outbox sends a saved conversation to /conversations/sync/ with the fields the
capture form would post. However often it is sent, it is stored once; what cannot be stored comes
back as a status and reasons in words, and nothing of it is stored."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse
from factories import PersonFactory

from heard.conversations.models import Conversation

from .capture import capture_data
from .test_the_same_conversation_sent_twice import full_conversation, reusing_lees_id, rows

SYNC = reverse("conversations:sync")


def test_sent_three_times_it_is_stored_once(lee_client, ours):
    data = full_conversation(ours)
    answers = [lee_client.post(SYNC, data) for _ in range(3)]
    assert [a.status_code for a in answers] == [201, 200, 200]
    assert [a.json()["status"] for a in answers] == ["recorded", "already", "already"]
    url = reverse("conversations:detail", args=[data["client_id"]])
    assert {a.json()["url"] for a in answers} == {url}
    after = rows()
    lee_client.post(SYNC, data)
    assert rows() == after
    assert Conversation.objects.filter(pk=data["client_id"]).count() == 1


def test_a_broken_rule_is_refused_with_its_field_named(lee_client, ours):
    data = capture_data(
        ours.campaign,
        people=[ours.rosa],
        answers={ours.problem: "The boiler."},
        held_on="2999-01-01",
        promises=[{"side": "person", "what": "Call", "hours": "", "due_on": ""}],
    )
    answer = lee_client.post(SYNC, data)
    assert answer.status_code == 422
    body = answer.json()
    assert body["status"] == "refused"
    assert "Date: The date is in the future." in body["reasons"]
    assert any(r.startswith("Commitment 1") for r in body["reasons"]), body["reasons"]
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()


def test_an_empty_conversation_says_so_without_a_field(lee_client, ours):
    data = capture_data(ours.campaign, people=[ours.rosa])
    answer = lee_client.post(SYNC, data)
    assert answer.status_code == 422
    assert answer.json()["reasons"] == [
        "The conversation is empty: write down at least one thing you heard."
    ]


def test_someone_the_volunteer_may_no_longer_see_is_refused(lee_client, ours):
    data = capture_data(ours.campaign, people=[ours.sam], answers={ours.problem: "Rent."})
    answer = lee_client.post(SYNC, data)
    assert answer.status_code == 422
    assert "Unknown person." in " ".join(answer.json()["reasons"])


def test_a_lookalike_waits_for_the_volunteer_to_answer(lee_client, ours, org, maple):
    PersonFactory(organization=org, name="Graciela Ramírez", phone="(731) 555-0142", place=maple)
    data = capture_data(
        ours.campaign,
        answers={ours.problem: "The heat goes off at night."},
        new_people=[{"name": "Graciela Ramirez", "phone": "731-555-0142"}],
    )
    answer = lee_client.post(SYNC, data)
    assert answer.status_code == 409
    assert answer.json()["status"] == "ask"
    assert "looks like someone already recorded" in answer.json()["reasons"][0]
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()


def test_someone_elses_conversation_id_is_refused(may_client, ours):
    data = reusing_lees_id(ours)
    before = rows()
    answer = may_client.post(SYNC, data)
    assert answer.status_code == 422
    assert answer.json()["reasons"] == ["This conversation id is already in use."]
    assert rows() == before


def test_signed_out_nothing_is_read():
    answer = Client().post(SYNC, {"client_id": str(uuid.uuid4())})
    assert answer.status_code == 401
    assert answer.json()["status"] == "signed_out"
    assert Client().get(SYNC).status_code == 401


def test_the_outbox_gets_a_fresh_token_and_whose_outbox_it_is(lee, ours):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lee.user)
    data = full_conversation(ours)
    assert client.post(SYNC, data).status_code == 403  # no token: refused, nothing stored
    assert not Conversation.objects.filter(pk=data["client_id"]).exists()
    said = client.get(SYNC).json()
    assert said["member"] == lee.pk
    answer = client.post(SYNC, data, HTTP_X_CSRFTOKEN=said["csrf"])
    assert answer.status_code == 201


@pytest.mark.parametrize("flash", [True, False])
def test_only_a_save_the_volunteer_waits_for_leaves_a_message(lee_client, ours, flash):
    headers = {"HTTP_X_HEARD_FLASH": "1"} if flash else {}
    lee_client.post(SYNC, full_conversation(ours), **headers)
    page = lee_client.get(reverse("home")).content.decode()
    assert ("Thank you for listening." in page) is flash
