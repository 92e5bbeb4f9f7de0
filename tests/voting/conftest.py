"""A poll of the Eastside Tenants Union (may's organization), and helpers to vote on it."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test import Client

from heard.voting.models import Poll, Statement, Vote, Voter

STATEMENTS = [
    "The city should inspect every building with heating complaints.",
    "Rent increases above 5% a year should be illegal.",
    "Our landlord answers repair requests quickly.",
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters and cached results live in the cache: each test starts from none.
    cache.clear()
    yield
    cache.clear()


def make_poll(org, texts=STATEMENTS, *, is_open=True, title="Winter heat vote", **extra) -> Poll:
    poll = Poll.objects.create(organization=org, title=title, is_open=is_open, **extra)
    for position, text in enumerate(texts, start=1):
        Statement.objects.create(poll=poll, text=text, position=position)
    return poll


@pytest.fixture
def poll(ours):
    return make_poll(ours.org, campaign=ours.campaign)


@pytest.fixture
def their_poll(theirs):
    return make_poll(
        theirs.org, ["Westside rents are out of control."], title="Westside strike poll"
    )


@pytest.fixture
def phone():
    """An anonymous voter's phone: a fresh client with no login, keeping its cookies."""
    return Client()


def vote_url(poll) -> str:
    return f"/vote/{poll.token}/"


def vote(client, poll, statement, choice="agree", **extra):
    return client.post(vote_url(poll), {"statement": statement.pk, "vote": choice}, **extra)


def fill(poll, rows):
    """Votes from a hand-made matrix: one string per voter, one character per statement in
    position order ('a' agree, 'd' disagree, 'p' pass, '.' unseen)."""
    statements = list(poll.statements.order_by("position", "id"))
    signs = {"a": 1, "d": -1, "p": 0}
    for n, row in enumerate(rows):
        voter = Voter.objects.create(poll=poll, device=f"device-{n}")
        Vote.objects.bulk_create(
            Vote(voter=voter, statement=s, choice=signs[c])
            for s, c in zip(statements, row, strict=True)
            if c != "."
        )


helpers = SimpleNamespace(make_poll=make_poll, vote=vote, vote_url=vote_url, fill=fill)


@pytest.fixture
def poll_for_fuzz(ours):
    """One poll for every Hypothesis example (a function fixture would be made once anyway)."""
    existing = Poll.objects.filter(title="Fuzzed poll").first()
    return existing or make_poll(ours.org, title="Fuzzed poll", campaign=ours.campaign)
