"""Personas for sign-in security: an administrator, and a way to read their app's codes."""

import pytest
from django_otp.oath import totp
from factories import MembershipFactory

from heard.accounts.models import Role


@pytest.fixture
def ada(org):
    """An administrator of the union: may turn two-factor on."""
    return MembershipFactory(organization=org, role=Role.ADMIN, user__username="ada")


def code_for(device, steps_ahead: int = 0) -> str:
    """The code the person's authenticator app shows now (or a later step's, since a code is
    accepted once only and tolerance lets the next one in)."""
    return f"{totp(device.bin_key, step=device.step, digits=device.digits, drift=steps_ahead):06d}"
