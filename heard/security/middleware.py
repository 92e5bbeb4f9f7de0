"""Two small rules for every response: nothing private is cached, and an account with two-factor
on sees nothing until its code is typed."""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from .queries import has_two_factor


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every page for a signed-in person, and on the login page.

    Neighbours' words and addresses must not stay in a shared computer's browser cache, or in
    a proxy's, after the organizer logs out. Static files never reach this middleware
    (WhiteNoise answers them first) and keep their long caching.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        response = self.get_response(request)
        # After a logout the user is anonymous, but the page was still made for them.
        if signed_in or request.user.is_authenticated or request.path == reverse("login"):
            add_never_cache_headers(response)
        return response


class TwoFactorMiddleware:
    """Signed in with a password but not yet with the code: every page sends you to the code step.

    Django's LoginView signs the password in; this is the second step after it, for the
    accounts that turned two-factor on. Only the code step itself and logging out stay open.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and request.path not in self._open_paths()
            and self._has_two_factor(user)
        ):
            return redirect_to_login(request.get_full_path(), reverse("security:verify"))
        return self.get_response(request)

    @staticmethod
    def _has_two_factor(user) -> bool:
        # Known already when the user was loaded (AccountBackend); asked otherwise.
        known = getattr(user, "has_two_factor", None)
        return has_two_factor(user) if known is None else known

    @staticmethod
    def _open_paths() -> set[str]:
        return {reverse("security:verify"), reverse("logout"), reverse("login")}
