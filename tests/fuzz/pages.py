"""Walking the app as a browser would: pages reached by links from home, and the forms on them,
read with html.parser so that a form added anywhere is fuzzed without being listed here."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

# Signing out ends the walk; the admin site is Django's own.
NOT_FOLLOWED = ("/logout/", "/admin/", "/static/")
# Many pages of one kind (a conversation, a person) show the same forms: a few of each do.
SAME_KIND = re.compile(r"/(?:[0-9]+|[0-9a-f]{8}-[0-9a-f-]{27})(?=/)")
PER_KIND = 2


@dataclass
class Field:
    name: str
    kind: str  # input type, "select" or "textarea"
    value: str = ""
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: list[Field] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.action} (on {self.page})"


class _PageReader(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "a" and attrs.get("href"):
            self.links.append(urljoin(self.page, attrs["href"]))
        elif tag == "form":
            action = urljoin(self.page, attrs.get("action") or self.page)
            self._form = Form(self.page, action, (attrs.get("method") or "get").lower())
            self.forms.append(self._form)
        elif self._form is None or not attrs.get("name"):
            return
        elif tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset") and "value" not in attrs:
                return
            value = attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                value = ""
            existing = self._field(attrs["name"]) if kind == "radio" else None
            if existing is not None:
                existing.options.append(attrs.get("value", "on"))
                existing.value = existing.value or value
                return
            self._form.fields.append(
                Field(attrs["name"], kind, value, options=[attrs.get("value", "on")])
            )
        elif tag == "select":
            self._select = Field(attrs["name"], "select", multiple="multiple" in attrs)
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            self._select.options.append(value)
            if "selected" in attrs or not self._select.value:
                self._select.value = value
        elif tag == "textarea":
            self._textarea = Field(attrs["name"], "textarea")
            self._form.fields.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def _field(self, name: str) -> Field | None:
        return next((f for f in self._form.fields if f.name == name), None)


def read_page(url: str, html: str) -> tuple[list[str], list[Form]]:
    reader = _PageReader(url)
    reader.feed(html)
    return reader.links, reader.forms


def walk(client, *, start: str = "/", limit: int = 60) -> dict[str, tuple[int, list[Form]]]:
    """Every page reached by links from `start` (same origin, at most `limit`, a few of each
    kind): its status and its forms. Fails on a 5xx, naming the page."""
    seen: dict[str, tuple[int, list[Form]]] = {}
    kinds: dict[str, int] = {}
    queue = [start]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code < 500, f"GET {url} gave {response.status_code}"
        forms: list[Form] = []
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            links, forms = read_page(url, response.content.decode())
            queue.extend(link for link in map(_local, links) if _worth_following(link, kinds))
        seen[url] = (response.status_code, forms)
    return seen


def _local(link: str) -> str | None:
    parts = urlsplit(urldefrag(link)[0])
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _worth_following(link: str | None, kinds: dict[str, int]) -> bool:
    if not link or link.startswith(NOT_FOLLOWED):
        return False
    kind = SAME_KIND.sub("/N", link.split("?")[0])
    kinds[kind] = kinds.get(kind, 0) + 1
    return kinds[kind] <= PER_KIND
