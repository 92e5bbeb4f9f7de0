"""Turning two-factor sign-in on and off: each step proven with a code from the app."""

from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .queries import two_factor_device_for


class WrongCode(Exception):
    """The code was not the app's current one (or was used already, or came too fast)."""


def start_two_factor(*, user) -> TOTPDevice:
    """A new secret for the user's authenticator app, not in force until a code confirms it.

    Opening the page twice shows the same secret, so a person who scanned it once is not
    confused by a second.
    """
    with transaction.atomic():
        device = two_factor_device_for(user, confirmed=False)
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
        return device


def turn_on_two_factor(*, request, code: str) -> TOTPDevice:
    """Confirm the secret with one code from the app: from now on sign-in asks for a code.

    This session counts as verified, since the person just typed a code.
    """
    user = request.user
    with transaction.atomic():
        device = two_factor_device_for(user, confirmed=False)
        if device is None or not device.verify_token(code):
            raise WrongCode
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # Only one app at a time: other half-made secrets are dropped.
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    otp_login(request, device)
    return device


def verify_two_factor(*, request, code: str) -> TOTPDevice:
    """The second step of sign-in: a code from the user's app marks this session verified."""
    with transaction.atomic():
        device = two_factor_device_for(request.user)
        if device is None or not device.verify_token(code):
            raise WrongCode
    otp_login(request, device)
    return device


def turn_off_two_factor(*, user, code: str) -> None:
    """Remove the app, proven with a current code: a session left open is not enough."""
    with transaction.atomic():
        device = two_factor_device_for(user)
        if device is None or not device.verify_token(code):
            raise WrongCode
        TOTPDevice.objects.filter(user=user).delete()
