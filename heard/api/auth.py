"""Who is calling the API: a member's bearer token, or the member signed in to Heard in this
browser (so the interactive docs work for whoever is signed in; unsafe methods then need the
CSRF token, as Heard's forms do). Either way the request carries `membership` and every read
goes through the same access helpers as the pages."""

from django.http import Http404
from ninja.security import HttpBearer, SessionAuth

from heard.accounts.queries import membership_for

from .queries import membership_for_token


class BearerToken(HttpBearer):
    openapi_description = "A token an administrator made on /api/tokens/ (`heard_…`)."

    def authenticate(self, request, token):
        membership = membership_for_token(token)
        if membership is None:
            return None
        request.user = membership.user
        request.membership = membership
        return membership


class MemberSession(SessionAuth):
    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        try:
            membership = membership_for(user)
        except Http404:
            return None
        request.membership = membership
        return membership
