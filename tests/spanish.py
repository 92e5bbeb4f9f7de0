"""Pages read in Spanish: compile the apps' catalogues (the .mo files are built, not committed)
and ask for a page as a Spanish browser does.

Every way of choosing the language is used, so the tests hold with and without LocaleMiddleware:
the language cookie and `Accept-Language: es` for the middleware, `translation.override("es")`
for a stack without it.
"""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import trans_real

HEARD = Path(__file__).resolve().parent.parent / "heard"


@functools.cache
def compile_catalogues() -> None:
    stale = [
        po.parent
        for po in HEARD.glob("**/locale/es/LC_MESSAGES/django.po")
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        with contextlib.chdir(HEARD):  # from the root it would also walk .venv's packages
            call_command("compilemessages", locale=["es"], verbosity=0)
    trans_real._translations.clear()  # catalogues loaded before compiling would stay empty


def _spanish(client) -> None:
    compile_catalogues()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"


def get_in_spanish(client, url: str, **extra):
    _spanish(client)
    with translation.override("es"):
        return client.get(url, HTTP_ACCEPT_LANGUAGE="es", **extra)


def post_in_spanish(client, url: str, data=None, **extra):
    _spanish(client)
    with translation.override("es"):
        return client.post(url, data or {}, HTTP_ACCEPT_LANGUAGE="es", **extra)
