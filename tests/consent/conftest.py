"""Personas for the consent rules, on top of tests/conftest.py's May (organizer), Lee
(volunteer who recorded Rosa's conversation) and Otto (outsider):

- **ada**, the union's administrator, who reads every quote;
- **vic**, another volunteer of the same turf (Maple Court): sees Rosa, not Lee's conversation.

`hidden` adds a quote of Rosa's marked "not to be shared" to Lee's conversation, and one of
Sam's to May's, with words found nowhere else.
"""

from types import SimpleNamespace

import pytest
from django.test import Client
from factories import MembershipFactory, QuoteFactory

from heard.accounts.models import Role
from heard.conversations.models import Quote


@pytest.fixture
def ada(org):
    return MembershipFactory(organization=org, role=Role.ADMIN, user__username="ada")


@pytest.fixture
def vic(org, maple):
    return MembershipFactory(
        organization=org, role=Role.VOLUNTEER, turf=[maple], user__username="vic"
    )


def client_of(membership) -> Client:
    client = Client()
    client.force_login(membership.user)
    return client


@pytest.fixture
def ada_client(ada):
    return client_of(ada)


@pytest.fixture
def vic_client(vic):
    return client_of(vic)


@pytest.fixture
def hidden(ours):
    rosa_secret = QuoteFactory(
        conversation=ours.by_lee,
        person=ours.rosa,
        text="The landlord's cousin threatened my husband.",
        consent=Quote.Consent.NONE,
    )
    sam_secret = QuoteFactory(
        conversation=ours.by_may,
        person=ours.sam,
        text="I have no papers, please keep this between us.",
        consent=Quote.Consent.NONE,
    )
    shared = QuoteFactory(
        conversation=ours.by_may,
        person=ours.sam,
        text="We need a tenants meeting in the lobby.",
        consent=Quote.Consent.TEAM,
    )
    return SimpleNamespace(rosa=rosa_secret, sam=sam_secret, shared=shared)
