"""A conversation's first person named, as the volunteer named them (not by alphabet), holds
its commitments and said a quote whose speaker was left as "The first person named"."""

import pytest
from django.urls import reverse
from factories import PersonFactory

from heard.conversations.models import Conversation

from .capture import SOON, URL, capture_data


@pytest.mark.parametrize("url", [URL, reverse("conversations:sync")])
def test_the_first_named_is_the_one_named_first(lee_client, ours, org, maple, url):
    zoe = PersonFactory(organization=org, name="Zoe Whitfield", place=maple)
    assert zoe.name > ours.rosa.name  # named first, sorted last
    data = capture_data(
        ours.campaign,
        people=[zoe, ours.rosa],
        answers={ours.problem: "The boiler."},
        quotes=[{"text": "Together.", "consent": "team"}],
        promises=[{"side": "person", "what": "Call two neighbours", "hours": "1", "due_on": SOON}],
    )
    assert lee_client.post(url, data).status_code in (201, 302)
    conversation = Conversation.objects.get(pk=data["client_id"])
    assert conversation.commitments.get().person == zoe
    assert conversation.quotes.get().person == zoe
    assert set(conversation.people.all()) == {zoe, ours.rosa}
