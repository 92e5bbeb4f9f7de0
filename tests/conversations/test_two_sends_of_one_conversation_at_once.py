"""The outbox sends a conversation again when it heard no answer, so a second send can arrive
while the first is being stored. Whichever moment the first one commits, the second is answered
"already": never "ask" about the new person the first one stored."""

from unittest import mock

from django.test import Client
from django.urls import reverse

from heard.conversations import capture
from heard.conversations.models import Conversation
from heard.people.models import Person

from .capture import capture_data

SYNC = reverse("conversations:sync")


def test_a_first_send_stored_during_the_search_for_lookalikes_is_already_stored(
    lee, lee_client, ours
):
    data = capture_data(
        ours.campaign,
        new_people=[{"name": "Kofi Mensah", "email": "kofi@example.org"}],
        answers={ours.problem: "The boiler."},
    )
    first = Client()
    first.force_login(lee.user)
    search = capture.lookalikes_for
    answers, calls = [], []

    def first_send_commits_meanwhile(*args, **kwargs):
        calls.append(kwargs["name"])
        if len(calls) == 1:  # the second send has checked the id; the first one stores it now
            answers.append(first.post(SYNC, data))
        return search(*args, **kwargs)

    with mock.patch.object(capture, "lookalikes_for", side_effect=first_send_commits_meanwhile):
        second = lee_client.post(SYNC, data)

    assert answers[0].status_code == 201
    assert (second.status_code, second.json()["status"]) == (200, "already")
    assert Person.objects.filter(name="Kofi Mensah").count() == 1
    assert Conversation.objects.filter(pk=data["client_id"]).count() == 1
