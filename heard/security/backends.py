"""The sign-in lockout as an authentication backend (django-axes)."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice

UserModel = get_user_model()


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a locked-out username before its password is checked.

    Every sign-in over the web (the login page, the admin's) passes its request, and that is where
    passwords are guessed. Code with no request at all, a management command or a test's
    `Client.login`, is let through to the password check instead of failing: axes would refuse it
    with an error, yet there is no one to lock out.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class AccountBackend(ModelBackend):
    """Django's username and password check; the signed-in user is loaded knowing whether
    two-factor is on.

    The two-factor gate asks on every request; answering in the query that loads the user
    anyway costs no query of its own. So does every view's "who is asking": the membership and
    its organization come in the same query (`accounts.queries.membership_for`).
    """

    def get_user(self, user_id):
        confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        user = (
            UserModel._default_manager.select_related("membership__organization")
            .annotate(has_two_factor=Exists(confirmed))
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
