"""Every operation of the API, called with each persona's token: the organizer may, the volunteer
gets their own turf (403 where the pages say 403), the outsider 404 on every object of ours and
none of our words in a list; without a token, 401."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.test import Client

from heard.api.v1 import api as heard_api


def _new_conversation(o) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "campaign_id": o.campaign.pk,
        "venue": "door",
        "held_on": o.by_lee.held_on.isoformat(),
        "people": [o.rosa.pk],
        "answers": [{"question_id": o.problem.pk, "text": "The boiler broke again."}],
    }


@dataclass(frozen=True)
class Call:
    name: str
    url: Callable
    organizer: int = 200
    volunteer: int = 200
    outsider: int = 200
    body: Callable | None = None
    #: Words of ours a 200 list answers the organizer with (so "none of them for the outsider"
    #: means something).
    shows: tuple = field(default=())
    #: Words of ours outside the volunteer's turf and conversations.
    not_for_volunteer: tuple = field(default=())

    def __str__(self) -> str:
        return self.name


CALLS = [
    Call(
        "people",
        lambda o: "/api/v1/people/",
        shows=("Rosa Alvarez", "Sam Okafor"),
        not_for_volunteer=("Sam Okafor",),
    ),
    Call("person", lambda o: f"/api/v1/people/{o.rosa.pk}", outsider=404),
    # Sam lives off Lee's turf and never talked with Lee.
    Call("person", lambda o: f"/api/v1/people/{o.sam.pk}", volunteer=404, outsider=404),
    Call("campaigns", lambda o: "/api/v1/campaigns/", shows=("Heat in Winter",)),
    Call(
        "themes",
        lambda o: f"/api/v1/campaigns/{o.campaign.pk}/themes",
        volunteer=403,
        outsider=404,
    ),
    Call(
        "conversations",
        lambda o: "/api/v1/conversations/",
        shows=("Rosa Alvarez", "Sam Okafor"),
        not_for_volunteer=("Sam Okafor",),
    ),
    Call("conversation", lambda o: f"/api/v1/conversations/{o.by_lee.pk}", outsider=404),
    Call(
        "conversation",
        lambda o: f"/api/v1/conversations/{o.by_may.pk}",
        volunteer=404,
        outsider=404,
    ),
    # Recording: our campaign is unknown to the outsider (refused in words, nothing stored).
    Call(
        "conversations",
        lambda o: "/api/v1/conversations/",
        organizer=201,
        volunteer=201,
        outsider=422,
        body=_new_conversation,
    ),
    Call("commitments", lambda o: "/api/v1/commitments/"),
    Call("commitments", lambda o: "/api/v1/commitments/?show=team", volunteer=403),
    Call("events", lambda o: "/api/v1/events/", shows=("Know your rights training",)),
    Call("event", lambda o: f"/api/v1/events/{o.event.pk}", outsider=404),
]


def _call(client: Client, call: Call, ours):
    if call.body:
        return client.post(call.url(ours), call.body(ours), content_type="application/json")
    return client.get(call.url(ours))


@pytest.mark.parametrize("call", CALLS, ids=str)
def test_each_persona_gets_what_the_pages_give(call, ours, theirs, may, lee, otto, api):
    for member, expected in ((may, call.organizer), (lee, call.volunteer), (otto, call.outsider)):
        response = _call(api(member), call, ours)
        assert response.status_code == expected, (member, response.content[:300])
        if member == otto:
            body = response.content.decode()
            assert not [s for s in ours.secrets if s in body], body[:300]
        elif member == may and response.status_code == 200:
            body = response.content.decode()
            assert all(words in body for words in call.shows)
        elif member == lee:
            body = response.content.decode()
            assert not [s for s in call.not_for_volunteer if s in body]


@pytest.mark.parametrize("call", CALLS, ids=str)
def test_without_a_token_every_operation_is_401(call, ours):
    response = _call(Client(), call, ours)
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


def test_every_operation_is_in_the_table():
    patterns, _, _ = heard_api.urls
    operations = set(_names(patterns))
    operations -= {"api-root", "openapi-json", "openapi-view"}
    assert operations == {call.name for call in CALLS}


def _names(patterns):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from _names(pattern.url_patterns)
        elif pattern.name:
            yield pattern.name
