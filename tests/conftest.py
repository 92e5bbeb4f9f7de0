"""Three personas and a small organization to point them at.

Every view is tested with:

- **may**, an organizer of the Eastside Tenants Union, who sees the whole organization;
- **lee**, a member volunteer of the same union, who sees the people of their turf (Maple Court)
  and the conversations they held themselves, and gets 403 on organizer-only pages;
- **otto**, an organizer of another organization, who must get 404 on every object of ours and
  find none of our data in lists, searches and the typeahead.

`ours` and `theirs` hold each organization's people, campaign, conversations and event.
"""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from factories import (
    AnswerFactory,
    CampaignFactory,
    ConversationFactory,
    EventFactory,
    GuideQuestionFactory,
    HouseholdFactory,
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    PlaceFactory,
    QuoteFactory,
    SignUpFactory,
    UserFactory,
)
from shared_connection_server import one_request_at_a_time

from heard.accounts.models import Role
from heard.common_ground.models import Divide, Side
from heard.conversations.models import Response
from heard.languages.catalogues import compile_catalogues


def pytest_sessionstart(session):
    # The .mo files are build output (gitignored): pages in Spanish need them compiled.
    compile_catalogues()


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server, taking one request at a time while it shares the test's
    in-memory SQLite connection (see tests/shared_connection_server.py). Its WSGI server asks
    for the application on every request, so it is wrapped once the server is up."""
    if live_server.thread.connections_override:
        server = live_server.thread.httpd
        server.set_app(one_request_at_a_time(server.get_app()))
    return live_server


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is deliberately slow; tests log in hundreds of times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def org(db):
    return OrganizationFactory(name="Eastside Tenants Union", slug="eastside")


@pytest.fixture
def maple(org):
    """The volunteer's turf."""
    return PlaceFactory(organization=org, name="Maple Court")


@pytest.fixture
def riverside(org):
    """A place of ours that is not the volunteer's turf."""
    return PlaceFactory(organization=org, name="Riverside")


@pytest.fixture
def may(org):
    """The organizer: sees and edits everything in the organization."""
    return MembershipFactory(
        organization=org,
        role=Role.ORGANIZER,
        user__username="may",
        user__first_name="May",
        user__last_name="Organizer",
    )


@pytest.fixture
def lee(org, maple):
    """The volunteer teammate: their turf and their own conversations, nothing else."""
    return MembershipFactory(
        organization=org,
        role=Role.VOLUNTEER,
        turf=[maple],
        user__username="lee",
        user__first_name="Lee",
        user__last_name="Volunteer",
    )


@pytest.fixture
def otto(db):
    """The outsider: an organizer of another organization."""
    return MembershipFactory(
        organization=OrganizationFactory(name="Westside Renters", slug="westside"),
        role=Role.ORGANIZER,
        user__username="otto",
        user__first_name="Otto",
        user__last_name="Outsider",
    )


@pytest.fixture
def loner(db):
    """A login that belongs to no organization."""
    return UserFactory(username="loner")


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def may_client(may):
    return _client_for(may.user)


@pytest.fixture
def lee_client(lee):
    return _client_for(lee.user)


@pytest.fixture
def otto_client(otto):
    return _client_for(otto.user)


@pytest.fixture
def loner_client(loner):
    return _client_for(loner)


@pytest.fixture
def queries_for():
    """How many queries a page takes: compare with few rows and with many, so a list that
    queries once per row fails."""

    def count(client, url, data=None) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, data).status_code == 200
        return len(queries)

    return count


@pytest.fixture
def ours(org, maple, riverside, may, lee):
    """Our organization's data, with words that must never reach an outsider."""
    campaign = CampaignFactory(organization=org, name="Heat in Winter")
    problem = GuideQuestionFactory(
        campaign=campaign,
        position=1,
        prompt="What keeps you up at night?",
        help_text="Listen for the story, not the complaint.",
    )
    hope = GuideQuestionFactory(
        campaign=campaign, position=2, prompt="What do you hope for?", purpose="hope"
    )
    household = HouseholdFactory(organization=org, name="Alvarez household", place=maple)
    rosa = PersonFactory(
        organization=org, name="Rosa Alvarez", place=maple, household=household, phone="555-0101"
    )
    sam = PersonFactory(organization=org, name="Sam Okafor", place=riverside, phone="555-0202")
    by_lee = ConversationFactory(campaign=campaign, held_by=lee.user, place=maple, people=[rosa])
    AnswerFactory(conversation=by_lee, question=problem, text="The radiator rattles all night.")
    QuoteFactory(conversation=by_lee, person=rosa, text="My kids sleep in their coats.")
    by_may = ConversationFactory(
        campaign=campaign,
        held_by=may.user,
        place=riverside,
        people=[sam],
        next_step="house_meeting",
        next_step_response=Response.YES,
    )
    AnswerFactory(conversation=by_may, question=problem, text="Mould behind the wardrobe.")
    event = EventFactory(organization=org, campaign=campaign, title="Know your rights training")
    signup = SignUpFactory(event=event, person=rosa)
    divide = Divide.objects.create(organization=org, name="Heating: gas or electric")
    Side.objects.create(divide=divide, name="Gas boiler")
    Side.objects.create(divide=divide, name="Electric heaters")
    return SimpleNamespace(
        org=org,
        campaign=campaign,
        problem=problem,
        hope=hope,
        household=household,
        rosa=rosa,
        sam=sam,
        by_lee=by_lee,
        by_may=by_may,
        event=event,
        signup=signup,
        divide=divide,
        # Words from our data an outsider must never see.
        secrets=[
            "Rosa Alvarez",
            "Sam Okafor",
            "Heat in Winter",
            "What keeps you up at night",
            "radiator rattles",
            "Mould behind the wardrobe",
            "sleep in their coats",
            "Know your rights training",
            "Heating: gas or electric",
            "Alvarez household",
            "Maple Court",
        ],
    )


@pytest.fixture
def theirs(otto):
    """The outsider's organization, with a conversation of their own."""
    org = otto.organization
    place = PlaceFactory(organization=org, name="Westside Towers")
    campaign = CampaignFactory(organization=org, name="Westside Rent Strike")
    question = GuideQuestionFactory(campaign=campaign, prompt="How much did your rent go up?")
    olga = PersonFactory(organization=org, name="Olga Westsider", place=place)
    conversation = ConversationFactory(campaign=campaign, held_by=otto.user, people=[olga])
    AnswerFactory(conversation=conversation, question=question, text="Forty percent this year.")
    event = EventFactory(organization=org, campaign=campaign, title="Westside strike meeting")
    signup = SignUpFactory(event=event, person=olga)
    return SimpleNamespace(
        org=org,
        place=place,
        campaign=campaign,
        question=question,
        olga=olga,
        conversation=conversation,
        event=event,
        signup=signup,
    )
