"""With `Accept-Language: es` (and for a member who chose Spanish), every page of the listed URL
namespaces that an organizer or a volunteer opens comes back without an English sentence of
Heard's own catalogues left in it.

The URLs come from the security matrix's walker, filled with one organization's own objects
(its texts all start with "amark", so data cannot pass for a message). An app whose pages are
translated joins by adding its namespace to NAMESPACES.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.test import Client

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "security_matrix"))

from two_organizations import build_organization  # noqa: E402
from url_walker import Unfillable, fillings, routes  # noqa: E402

from heard.languages.catalogues import po_files  # noqa: E402

#: Namespaces whose pages are translated ("" is the project's own: home, login, password).
NAMESPACES = [
    "",
    "people",
    "conversations",
    "campaigns",
    "commitments",
    "members",
    "themes",
    "common_ground",
    "plans",
    "smallgroups",
    "reports",
    "leadership",
    "spaces",
    "exchange",
    "voting",
    "privacy",
    "security",
    "api_tokens",
    "offline",
]
#: Project-level URL names outside the translated pages (Django's admin, the JSON API).
OUTSIDE = {"admin", "api"}
#: English msgids that may show on a Spanish page: the same word in both languages, or words
#: that are names. Keep it short: each entry is a message nobody will see translated.
ALLOWED = {"No", "Heard", "English"}  # "English": the language's own name, in language lists
#: Messages shown on these pages whose words belong to an app another change translates; each
#: says which. Remove an entry once that app's catalogue has it.
PENDING: set[str] = set()
#: The organization's own texts ("amark tenants union", "amark neighbourhood"): data, not
#: messages, whatever words follow the tag.
DATA = re.compile(r"amark(?:[ -][a-z]+)*")
#: Names of other tools, written as their makers write them.
PROPER_NAMES = re.compile(r"Action Network|OSDI|VAN")


def _files_columns() -> re.Pattern | None:
    """The header rows of imported files (the import page names each column as the file does):
    the file's words, data in whatever language it was written."""
    from heard.exchange.models import ImportBatch

    names = {
        c for columns in ImportBatch.objects.values_list("columns", flat=True) for c in columns
    }
    names = sorted((n for n in names if n), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))) if names else None


class _Text(HTMLParser):
    """The words a person reads: text outside script and style, and the attributes read
    aloud or shown (placeholder, aria-label, title, alt). An element marked with its own
    `lang` (the language switch's "English") is in that language on purpose."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0
        self._other_language: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag != "html" and dict(attrs).get("lang"):
            self._other_language.append(tag)
            self._skip += 1
        for name, value in attrs:
            if name in ("placeholder", "aria-label", "title", "alt") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if self._other_language and self._other_language[-1] == tag:
            self._other_language.pop()
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def readable_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_messages() -> list[tuple[str, re.Pattern]]:
    """Each English message of every catalogue whose translation differs, as a pattern that
    finds it in a page: the longest run of words between its placeholders (for a message with
    placeholders), matched whole and case-sensitively."""
    found = {}
    for po_path in po_files():
        for entry in polib.pofile(str(po_path)):
            if entry.msgid in ALLOWED | PENDING or entry.msgstr == entry.msgid:
                continue
            if "<" in entry.msgid:
                continue
            if (
                re.fullmatch(r"[A-Za-z]( [A-Za-z])*[ ,.:A-Za-z]*", entry.msgid)
                and len(entry.msgid) <= 2
            ):
                continue
            pieces = [p.strip() for p in re.split(r"%\(\w+\)[sd]|%%", entry.msgid)]
            literal = max(pieces, key=len)
            if "%(" in entry.msgid and len(literal.split()) < 3:
                continue  # too little left to tell a message from data
            if re.fullmatch(r"[\W\d_A-Za-z]{0,3}|[A-Za-z]( ?[A-Za-z\\,:.])*", literal) and (
                not re.search(r"[a-z]{2}", literal)
            ):
                continue  # a date format, not words
            found[literal] = re.compile(r"(?<![\w-])" + re.escape(literal) + r"(?![\w-])")
    return sorted(found.items())


def _urls(namespace: str, ours) -> list[str]:
    urls = []
    for route in routes():
        if (route.namespace or "") != namespace:
            continue
        if namespace == "" and route.text.split("/")[0] in OUTSIDE:
            continue
        try:
            values = fillings(route, ours)
        except Unfillable:
            continue
        urls.extend(route.url(v) for v in values)
    return urls


@pytest.fixture
def ours(db):
    return build_organization("amark")


def _english_left(client: Client, urls: list[str], messages) -> dict[str, list[str]]:
    left = {}
    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
        # 403 and 404 are pages of ours too (the volunteer on an organizer's page).
        if response.status_code not in (200, 403, 404):
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        assert '<html lang="es"' in response.text, url
        text = PROPER_NAMES.sub(" ", DATA.sub(" ", readable_text(response.text)))
        if columns := _files_columns():
            text = columns.sub(" ", text)
        english = [literal for literal, pattern in messages if pattern.search(text)]
        if english:
            left[url] = english
    return left


@pytest.mark.parametrize("namespace", NAMESPACES)
@pytest.mark.parametrize("role", ["admin", "organizer", "volunteer"])
def test_every_page_comes_back_in_spanish(ours, namespace, role):
    urls = _urls(namespace, ours)
    assert urls, f"no page to walk in {namespace!r}"
    client = Client()
    client.force_login(getattr(ours, role).user)
    left = _english_left(client, urls, english_messages())
    assert not left, f"English left on Spanish pages: {left}"


def test_the_login_page_comes_back_in_spanish(db):
    left = _english_left(Client(), ["/login/"], english_messages())
    assert not left


def test_a_member_who_chose_spanish_reads_spanish_whatever_their_browser_says(ours):
    from heard.languages.chosen import SESSION_KEY

    member = ours.volunteer
    member.language = "es"
    member.save()
    client = Client()
    client.post("/login/", {"username": member.user.username, "password": "listen-first"})
    assert client.session[SESSION_KEY] == "es"
    page = client.get("/conversations/new/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="es"' in page.text
    assert "Registrar una conversación" in page.text


def test_the_walk_would_see_an_english_sentence(ours):
    """The walk must be able to fail: an English page has messages it finds."""
    client = Client()
    client.force_login(ours.organizer.user)
    page = client.get("/people/", HTTP_ACCEPT_LANGUAGE="en")
    text = readable_text(page.text)
    assert any(pattern.search(text) for _literal, pattern in english_messages())
