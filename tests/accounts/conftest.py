"""An administrator of the Eastside Tenants Union, beside the three shared personas
(may the organizer, lee the volunteer, otto the outsider from Westside Renters)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from factories import MembershipFactory, UserFactory

from heard.accounts.models import Role


@pytest.fixture
def ada(org):
    """The organization's administrator: manages who belongs to it."""
    return MembershipFactory(
        organization=org,
        role=Role.ADMIN,
        user__username="ada",
        user__first_name="Ada",
        user__last_name="Admin",
    )


@pytest.fixture
def ada_client(ada):
    client = Client()
    client.force_login(ada.user)
    return client


@pytest.fixture
def operator(db):
    """Whoever runs the server: `heard createsuperuser`, no organization."""
    return get_user_model().objects.create_superuser("operator", password="a-long-operator-pw")


@pytest.fixture
def operator_client(operator):
    client = Client()
    client.force_login(operator)
    return client


@pytest.fixture
def otto_admin(otto):
    """The other organization's administrator."""
    return MembershipFactory(
        organization=otto.organization,
        role=Role.ADMIN,
        user=UserFactory(username="oona", first_name="Oona"),
    )
