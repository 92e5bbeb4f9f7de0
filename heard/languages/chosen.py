"""A member's own language: chosen once, remembered on their membership, applied on every page.

The choice is copied into the session at login (and when they choose), so applying it costs no
query; a member who chose nothing gets the browser's language (Django's LocaleMiddleware reads
the language cookie, then Accept-Language).
"""

from django.conf import settings
from django.utils import translation

SESSION_KEY = "heard_language"


def remember_in_session(request, language: str) -> None:
    if language:
        request.session[SESSION_KEY] = language
    else:
        request.session.pop(SESSION_KEY, None)


def set_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class MemberLanguageMiddleware:
    """Right after LocaleMiddleware: a signed-in member's chosen language wins over the cookie
    and the browser. The cookie is set to it too, so the login page after they log out (and any
    other device's first page) speaks their language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        chosen = session.get(SESSION_KEY) if session is not None else None
        if chosen and translation.check_for_language(chosen):
            translation.activate(chosen)
            request.LANGUAGE_CODE = translation.get_language()
        else:
            chosen = None
        response = self.get_response(request)
        if chosen and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != chosen:
            set_cookie(response, chosen)
        return response
