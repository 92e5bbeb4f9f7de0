"""Tokens for the three personas (and an administrator), and clients that call the API with
them: `api(member)` is a test client whose every request carries that member's bearer token."""

import pytest
from django.test import Client
from factories import MembershipFactory

from heard.accounts.models import Role
from heard.api.services import create_token


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


def token_of(member, name="test") -> str:
    """A new token's secret for `member`, made by an administrator of their organization."""
    admin = member if member.role == Role.ADMIN else None
    if admin is None:
        admin = member.organization.memberships.filter(role=Role.ADMIN).first()
    if admin is None:
        admin = MembershipFactory(organization=member.organization, role=Role.ADMIN)
    return create_token(by=admin, member=member, name=name).secret


def client_with(secret: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {secret}"})


@pytest.fixture
def api():
    def make(member) -> Client:
        return client_with(token_of(member))

    return make
