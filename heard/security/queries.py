"""Reads about a user's own sign-in: whether two-factor is on, and who may turn it on."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from heard.accounts.models import Membership, Role


def may_use_two_factor(user) -> bool:
    """Administrators (and the server's operator, a Django superuser) may add a second step.

    They can see and change everything, so a guessed or reused password costs the most there.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return Membership.objects.filter(user=user, role=Role.ADMIN).exists()


def two_factor_device_for(user, *, confirmed: bool = True) -> TOTPDevice | None:
    """The user's authenticator app, once confirmed with a code (or the one being set up)."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def has_two_factor(user) -> bool:
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()
