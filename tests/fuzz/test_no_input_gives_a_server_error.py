"""A fuzz pass over every form: whatever is typed or posted, Heard answers with a page, a form
error or a refusal, never a server error (5xx).

Signed in as each role (administrator, organizer, member volunteer), it walks the pages linked
from home, reads every form on them (tests/fuzz/pages.py), and posts values made by Hypothesis:
numbers past 64 bits, negatives, blanks, NUL bytes, other scripts, very long text, dates like
9999-12-31 and 0001-01-01, malformed UUIDs, choices that are not offered, several values for one
field. The CSRF token is kept, so the forms themselves are what is tested. The list pages are
also opened with fuzzed query strings. Forms added later are covered as soon as a page links to
them.

The CI pass is short and the same every run (derandomized). A bigger pass:

    HEARD_FUZZ_EXAMPLES=200 HEARD_FUZZ_PAGES=200 HEARD_DATA_DIR=$(mktemp -d) \
        .venv/bin/pytest tests/fuzz -q -s

(`-s` prints how many requests were made; add HEARD_FUZZ_RANDOM=1 for new values each run).
"""

import os
import uuid
from urllib.parse import urlencode

import numpy as np
import pytest
from django.test import Client
from factories import MembershipFactory
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from heard.accounts.models import Role
from heard.themes import embedding
from heard.themes.models import Theme, ThemeAssignment, ThemeRun

from .pages import Form, walk

EXAMPLES = int(os.environ.get("HEARD_FUZZ_EXAMPLES", "4"))
PAGES = int(os.environ.get("HEARD_FUZZ_PAGES", "45"))
RANDOM = os.environ.get("HEARD_FUZZ_RANDOM") == "1"
FORM = "application/x-www-form-urlencoded"
MISSING = object()

NUMBERS = [
    "99999999999999999999",
    str(2**63),
    str(2**64),
    "-1",
    "0",
    "-99999999999999999999",
    "1e400",
    "NaN",
    "Infinity",
    "0.05",
    "²",
    "٣",
]
DATES = [
    "9999-12-31",
    "0001-01-01",
    "9999-12-31T23:59",
    "0001-01-01T00:00",
    "2024-02-30",
    "10000-01-01",
    "1970-01-01T00:00",
    "2026-13-01",
]
UUIDS = ["not-a-uuid", "00000000-0000-0000-0000-00000000000g", str(uuid.UUID(int=0)), "{}"]
TEXTS = [
    "",
    " ",
    "a\x00b",
    "\x00",
    "x" * 30_000,
    "é" * 25_000,
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "🙂" * 300,
    "\u202eevil",
    "%00",
    "../../etc/passwd",
]
NASTY = NUMBERS + DATES + UUIDS + TEXTS
# Query string parameters the list pages read.
QUERY_NAMES = ["q", "page", "campaign", "venue", "sub", "who", "next"]
QUERY_SWEEP = ["a\x00b", "99999999999999999999", "²", "-1", "9999-12-31", "x" * 5_000, "%"]
# Fields a page adds only as it is used (a person picked on the capture form), or that a
# tampered post might add: any form may get one or two of these too.
EXTRA_NAMES = ["people", "person", "campaign", "place", "guide", "switch", "into", "to", "next"]


def fuzz_settings(examples: int):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )


def one_value(field) -> st.SearchStrategy:
    choices = [st.just(field.value), st.sampled_from(NASTY), st.text(max_size=30)]
    if field.options:
        choices.append(st.sampled_from(field.options))
    choices.append(st.integers().map(str))
    return st.one_of(choices)


def field_value(field) -> st.SearchStrategy:
    value = one_value(field)
    return st.one_of(value, st.lists(value, min_size=2, max_size=3), st.just(MISSING))


def form_data(form: Form) -> st.SearchStrategy:
    fields = st.fixed_dictionaries(
        {
            f.name: st.just(f.value) if f.name == "csrfmiddlewaretoken" else field_value(f)
            for f in form.fields
        }
    )
    extras = st.dictionaries(st.sampled_from(EXTRA_NAMES), st.sampled_from(NASTY), max_size=2)
    return st.builds(lambda extra, own: {**extra, **own}, extras, fields)


def submit(client, form: Form, data: dict):
    data = {name: value for name, value in data.items() if value is not MISSING}
    if form.method == "post":
        return client.post(form.action, urlencode(data, doseq=True), content_type=FORM)
    return client.get(form.action, data)


class FakeEmbedder:
    """No model is loaded: a split or a run asks for vectors and gets small fixed ones."""

    model_id = "fuzz-fake"
    dimension = 8

    def embed(self, texts, progress=None):
        vectors = np.ones((len(texts), self.dimension), dtype=np.float32)
        return vectors / np.sqrt(self.dimension)


def post_fuzzed(client, form: Form, statuses: list[int]) -> None:
    @fuzz_settings(EXAMPLES)
    @given(data=form_data(form))
    def posting_it_never_fails(data):
        response = submit(client, form, data)
        statuses.append(response.status_code)
        shown = {k: (v[:80] if isinstance(v, str) else v) for k, v in data.items()}
        assert response.status_code < 500, f"{form} gave {response.status_code}: {shown}"

    posting_it_never_fails()


def open_fuzzed(client, url: str, statuses: list[int]) -> None:
    # Every query name at once with each of the worst values, then some Hypothesis mixes.
    for value in QUERY_SWEEP:
        query = dict.fromkeys(QUERY_NAMES, value)
        response = client.get(url, query)
        statuses.append(response.status_code)
        assert response.status_code < 500, f"GET {url} {query} gave {response.status_code}"

    @fuzz_settings(max(EXAMPLES // 2, 2))
    @given(query=st.dictionaries(st.sampled_from(QUERY_NAMES), st.sampled_from(NASTY)))
    def opening_it_never_fails(query):
        response = client.get(url, query)
        statuses.append(response.status_code)
        assert response.status_code < 500, f"GET {url} {query} gave {response.status_code}"

    opening_it_never_fails()


@pytest.fixture
def ada(org):
    return MembershipFactory(organization=org, role=Role.ADMIN, user__username="ada")


@pytest.fixture
def themes(ours, may, monkeypatch):
    """Two themes of the campaign, so the theme pages show their forms (rename, merge, ...)."""
    monkeypatch.setattr(embedding, "base_embedder", FakeEmbedder)
    ThemeRun.objects.create(campaign=ours.campaign, requested_by=may.user, status="done")
    prototype = (np.ones((1, 8), dtype=np.float32) / np.sqrt(8)).tobytes()
    made = [
        Theme.objects.create(
            campaign=ours.campaign, label=label, prototypes=prototype, dimension=8, size=1
        )
        for label in ("cold radiators", "mould")
    ]
    for theme, conversation in zip(made, (ours.by_lee, ours.by_may), strict=True):
        ThemeAssignment.objects.create(
            conversation=conversation, campaign=ours.campaign, theme=theme, score=0.9
        )
    return made


@pytest.mark.parametrize("role", ["admin", "organizer", "volunteer"])
def test_no_form_or_query_string_gives_a_server_error(role, ours, theirs, themes, ada, may, lee):
    member = {"admin": ada, "organizer": may, "volunteer": lee}[role]
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.force_login(member.user)
    pages = walk(client, limit=PAGES)
    requests = len(pages)
    statuses: list[int] = []
    forms = [form for _, found in pages.values() for form in found]
    assert any(f.method == "post" for f in forms), "the walk found no form to fuzz"
    for form in forms:
        client.force_login(member.user)  # a fuzzed form may have changed who is signed in
        post_fuzzed(client, form, statuses)
    for url, (status, _) in pages.items():
        if status == 200:
            open_fuzzed(client, url.split("?")[0], statuses)
    requests += len(statuses)
    print(f"\n{role}: {len(pages)} pages, {len(forms)} forms, {requests} requests, none 5xx")
    # The token was kept: the forms' own checks answered, not the CSRF refusal.
    assert statuses.count(403) < len(statuses) / 2
