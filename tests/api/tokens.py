"""Making tokens in tests: `token_of(member)` is a new secret, `client_with(secret)` a client
that sends it."""

from django.test import Client
from factories import MembershipFactory

from heard.accounts.models import Role
from heard.api.services import create_token


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
