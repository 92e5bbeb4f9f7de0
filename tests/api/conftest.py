"""An administrator beside the three shared personas, and `api(member)`: a test client whose
every request carries that member's bearer token."""

import pytest
from django.test import Client
from factories import MembershipFactory

from heard.accounts.models import Role

from .tokens import client_with, token_of


@pytest.fixture
def ada(org):
    """The organization's administrator: makes the tokens."""
    return MembershipFactory(
        organization=org,
        role=Role.ADMIN,
        user__username="ada",
        user__first_name="Ada",
        user__last_name="Admin",
    )


@pytest.fixture
def api():
    def make(member) -> Client:
        return client_with(token_of(member))

    return make
