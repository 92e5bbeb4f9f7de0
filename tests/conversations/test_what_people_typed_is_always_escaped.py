"""Whatever anyone typed — a neighbour's name, their words, a campaign's guide — is stored as
typed and always shown as text, never run as markup, on every page that shows it."""

import pytest
from campaigns.guide_form import campaign_data
from django.urls import reverse
from django.utils.html import escape
from factories import EventFactory, PersonFactory, PlaceFactory, RelationshipFactory, SignUpFactory

from heard.campaigns.models import Campaign
from heard.conversations.models import Conversation
from heard.people.models import Person

from .capture import SOON, URL, capture_data


def markup(where: str) -> str:
    return f'<script>alert("{where}")</script><b onmouseover="x()">{where}</b>'


@pytest.fixture
def typed(may, may_client, org):
    """Everything entered through the app's own forms, with markup in every text field."""
    may_client.post(
        reverse("campaigns:new"),
        campaign_data(
            [{"prompt": markup("prompt"), "help_text": markup("help"), "ORDER": 1}],
            name=markup("campaign"),
            description=markup("description"),
        ),
    )
    campaign = Campaign.objects.get()
    question = campaign.questions.get()
    place = PlaceFactory(organization=org, name=markup("place"))
    data = capture_data(
        campaign,
        place=place.pk,
        new_people=[
            {"name": markup("person"), "place": place.pk, "household": markup("household")}
        ],
        answers={question: markup("answer")},
        quotes=[{"text": markup("quote"), "consent": "public"}],
        next_step="action",
        next_step_response="yes",
        promises=[{"side": "person", "what": markup("commitment"), "hours": "1", "due_on": SOON}],
    )
    assert may_client.post(URL, data).status_code == 302
    person = Person.objects.get(household__isnull=False)
    RelationshipFactory(
        person=person,
        other=PersonFactory(organization=org, name=markup("friend")),
        note=markup("note"),
    )
    event = EventFactory(
        organization=org,
        campaign=campaign,
        title=markup("event"),
        location=markup("location"),
        description=markup("event description"),
    )
    SignUpFactory(event=event, person=person)
    return {
        "conversation": Conversation.objects.get(pk=data["client_id"]),
        "person": person,
        "campaign": campaign,
        "event": event,
    }


def test_what_was_typed_is_stored_exactly_as_typed(typed):
    conversation = typed["conversation"]
    assert typed["person"].name == markup("person")
    assert typed["person"].household.name == markup("household")
    assert conversation.answers.get().text == markup("answer")
    assert conversation.quotes.get().text == markup("quote")
    assert conversation.commitments.get().what == markup("commitment")
    assert typed["campaign"].name == markup("campaign")
    assert typed["campaign"].questions.get().prompt == markup("prompt")


PAGES = {
    "conversation": (
        lambda t: reverse("conversations:detail", args=[t["conversation"].pk]),
        ["person", "answer", "quote", "commitment", "campaign", "prompt", "place"],
    ),
    "conversation list": (
        lambda t: reverse("conversations:list"),
        ["person", "campaign", "place"],
    ),
    "conversation search": (
        lambda t: reverse("conversations:list") + "?q=%3Cscript%3E",
        ["person", "campaign", "place"],
    ),
    "person": (
        lambda t: reverse("people:detail", args=[t["person"].pk]),
        [
            "person",
            "household",
            "place",
            "answer",
            "quote",
            "commitment",
            "campaign",
            "friend",
            "note",
        ],
    ),
    "people list": (lambda t: reverse("people:list"), ["person", "household", "place", "friend"]),
    "home": (lambda t: reverse("home"), ["person", "commitment", "event", "place"]),
    "campaign list": (lambda t: reverse("campaigns:list"), ["campaign"]),
    "campaign": (
        lambda t: reverse("campaigns:detail", args=[t["campaign"].pk]),
        ["campaign", "description", "prompt", "help", "event"],
    ),
    "campaign edit": (
        lambda t: reverse("campaigns:edit", args=[t["campaign"].pk]),
        ["campaign", "description", "prompt", "help"],
    ),
    "capture form": (
        lambda t: reverse("conversations:new"),
        ["campaign", "prompt", "help", "place"],
    ),
    "event list": (lambda t: reverse("campaigns:events"), ["event", "location"]),
    "event": (
        lambda t: reverse("campaigns:event", args=[t["event"].pk]),
        ["event", "location", "event description", "campaign", "person"],
    ),
}


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_every_page_shows_typed_markup_as_text(may_client, typed, page):
    url, shown = PAGES[page]
    response = may_client.get(url(typed))
    assert response.status_code == 200
    text = response.content.decode()
    assert "<script>alert" not in text
    assert "<b onmouseover" not in text
    for where in shown:
        assert escape(markup(where)) in text, where
