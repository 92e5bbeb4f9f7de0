"""Every voting page, opened by each persona (tests/conftest.py): may the organizer, lee the
volunteer teammate, otto the outsider (404 on our polls and none of our words), a login without
an organization (404), and an anonymous visitor (sent to log in), except the public ballot,
which whoever holds the link may open, and which shows the poll's title and statements only.

The rule for volunteers: they see the organization's polls and statements and record paper
sheets; organizers' pages (making, editing, results) are 403."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .conftest import make_poll


@dataclass(frozen=True)
class Page:
    name: str
    kwargs: Callable = lambda poll: {}
    organizer: int = 200
    volunteer: int = 200
    outsider: int = 200

    def url(self, poll) -> str:
        return reverse(self.name, kwargs=self.kwargs(poll))

    def __str__(self) -> str:
        return self.name


def _pk(poll):
    return {"pk": poll.pk}


PAGES = [
    Page("voting:list"),
    Page("voting:new", volunteer=403),
    Page("voting:poll", _pk, volunteer=403, outsider=404),
    # Opening and closing is a POST.
    Page("voting:open", _pk, organizer=405, volunteer=405, outsider=405),
    Page("voting:from_themes", _pk, volunteer=403, outsider=404),
    Page("voting:paper", _pk, outsider=404),
    Page("voting:results", _pk, volunteer=403, outsider=404),
    Page("voting:read_aloud", _pk, volunteer=403, outsider=404),
    Page(
        "voting:statement",
        lambda poll: {"pk": poll.statements.first().pk},
        organizer=405,
        volunteer=405,
        outsider=405,
    ),
]
PUBLIC = {"voting:vote"}
pages = pytest.mark.parametrize("page", PAGES, ids=str)


@pytest.fixture
def our_poll(ours):
    return make_poll(ours.org, ["Rosa Alvarez and her building need heat."], campaign=ours.campaign)


def _named(resolver, namespace=None):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _named(pattern, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name and namespace == "voting":
            yield f"voting:{pattern.name}"


def test_every_voting_page_is_in_the_table():
    assert set(_named(get_resolver())) == {p.name for p in PAGES} | PUBLIC


@pages
def test_an_anonymous_visitor_is_sent_to_log_in(client, our_poll, page):
    response = client.get(page.url(our_poll))
    if page.organizer == 405:
        response = client.post(page.url(our_poll))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pages
def test_a_login_without_an_organization_sees_nothing(loner_client, our_poll, page):
    response = loner_client.get(page.url(our_poll))
    assert response.status_code in {404, 405}
    if page.organizer == 405:
        assert loner_client.post(page.url(our_poll)).status_code == 404


@pages
def test_the_organizer_may_open_every_page(may_client, our_poll, page):
    assert may_client.get(page.url(our_poll)).status_code == page.organizer


@pages
def test_the_volunteer_gets_403_on_organizer_pages(lee_client, our_poll, page):
    assert lee_client.get(page.url(our_poll)).status_code == page.volunteer
    if page.volunteer == 405:
        assert lee_client.post(page.url(our_poll)).status_code == 403


@pages
def test_the_outsider_gets_404_and_none_of_our_words(otto_client, ours, our_poll, page):
    response = otto_client.get(page.url(our_poll))
    assert response.status_code == page.outsider
    if page.outsider == 405:
        response = otto_client.post(page.url(our_poll))
        assert response.status_code == 404
    text = response.content.decode()
    for secret in [*ours.secrets, "Winter heat vote", "needs heat"]:
        assert secret not in text


def test_the_outsiders_poll_list_holds_only_their_polls(otto_client, our_poll, their_poll):
    page = otto_client.get("/votes/").content.decode()
    assert "Westside strike poll" in page and "Winter heat vote" not in page


def test_the_public_ballot_opens_for_anyone_with_the_link(client, otto_client, our_poll):
    for visitor in (client, otto_client):
        response = visitor.get(f"/vote/{our_poll.token}/")
        assert response.status_code == 200
        assert "Rosa Alvarez and her building need heat." in response.content.decode()
