"""The public ballot: a link, no login, one statement at a time, one voter per phone."""

import re

import pytest
from django.test import Client
from policy import csp_directives

from heard.voting.models import Statement, Vote, Voter

from .conftest import STATEMENTS, make_poll, vote, vote_url


def _shown(response) -> Statement:
    return Statement.objects.get(pk=response.context["page"].statement.pk)


def test_a_phone_sees_the_first_statement_and_its_progress_without_logging_in(phone, poll):
    response = phone.get(vote_url(poll))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Winter heat vote" in page
    assert "1 of 3" in page
    assert _shown(response).text in STATEMENTS
    assert 'name="csrfmiddlewaretoken"' in page
    # Nothing is stored until the first vote.
    assert not Voter.objects.exists()


def test_voting_moves_on_to_the_next_statement_and_ends_with_thanks(phone, poll):
    seen = []
    for n in range(1, 4):
        response = phone.get(vote_url(poll))
        assert f"{n} of 3" in response.content.decode()
        statement = _shown(response)
        seen.append(statement.text)
        answer = vote(phone, poll, statement, "agree" if n != 2 else "disagree")
        # The vote is answered with the next statement (or the thanks), in one round trip.
        assert answer.status_code == 200
        assert (f"{n + 1} of 3" if n < 3 else "Thank you") in answer.content.decode()
    assert sorted(seen) == sorted(STATEMENTS)
    page = phone.get(vote_url(poll)).content.decode()
    assert "Thank you" in page
    assert Voter.objects.count() == 1
    assert sorted(Vote.objects.values_list("choice", flat=True)) == [-1, 1, 1]


def test_a_phone_changes_its_vote_and_keeps_one_vote_per_statement(phone, poll):
    statement = poll.statements.first()
    vote(phone, poll, statement, "agree")
    page = phone.get(vote_url(poll), {"change": statement.pk}).content.decode()
    assert statement.text in page and "You said: agree" in page
    vote(phone, poll, statement, "pass")
    assert list(Vote.objects.values_list("statement", "choice")) == [(statement.pk, 0)]


def test_two_phones_are_two_voters_and_a_phone_is_one(poll):
    first, second = Client(), Client()
    statement = poll.statements.first()
    vote(first, poll, statement)
    vote(first, poll, poll.statements.last())
    vote(second, poll, statement, "disagree")
    assert Voter.objects.count() == 2
    assert Vote.objects.count() == 3


def test_a_voter_keeps_no_address_no_browser_and_no_readable_device_id(phone, poll):
    vote(phone, poll, poll.statements.first(), "agree", REMOTE_ADDR="198.51.100.7")
    voter = Voter.objects.get()
    assert {f.name for f in Voter._meta.concrete_fields} == {
        "id", "poll", "kind", "device", "recorded_by", "created_at"
    }  # fmt: skip
    cookie = phone.cookies["heard_voter"].value
    assert voter.device not in cookie and re.fullmatch(r"[0-9a-f]{64}", voter.device)


def test_a_closed_poll_says_so_and_takes_no_vote(phone, ours):
    closed = make_poll(ours.org, is_open=False)
    page = phone.get(vote_url(closed))
    assert page.status_code == 200 and "This poll is closed" in page.content.decode()
    response = vote(phone, closed, closed.statements.first())
    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_another_polls_statement_is_refused(phone, poll, their_poll):
    response = vote(phone, poll, their_poll.statements.get())
    assert response.status_code == 400
    assert "not recorded" in response.content.decode()
    assert not Vote.objects.exists()


def test_a_moderated_out_statement_is_neither_shown_nor_taken(phone, poll):
    hidden = poll.statements.first()
    hidden.moderated_out = True
    hidden.save()
    for _ in range(2):
        response = phone.get(vote_url(poll))
        assert "of 2" in response.content.decode()
        assert hidden.text not in response.content.decode()
        vote(phone, poll, _shown(response))
    assert vote(phone, poll, hidden).status_code == 400
    assert Vote.objects.filter(statement=hidden).count() == 0


@pytest.mark.parametrize("bad", [{"vote": "maybe"}, {"statement": "99999999999999999999"}, {}])
def test_a_malformed_vote_is_refused(phone, poll, bad):
    data = {"statement": poll.statements.first().pk, "vote": "agree", **bad} if bad else {}
    assert phone.post(vote_url(poll), data).status_code == 400
    assert not Vote.objects.exists()


def test_an_unknown_link_is_404(phone, poll):
    assert phone.get("/vote/not-a-real-token/").status_code == 404


def test_csrf_protection_stays_on(poll):
    strict = Client(enforce_csrf_checks=True)
    response = vote(strict, poll, poll.statements.first())
    assert response.status_code == 403
    assert not Vote.objects.exists()
    page = strict.get(vote_url(poll))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    statement = _shown(page)
    response = strict.post(
        vote_url(poll), {"statement": statement.pk, "vote": "agree", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200
    assert Vote.objects.count() == 1


def test_the_page_is_never_cached_and_keeps_the_content_security_policy(phone, poll):
    response = phone.get(vote_url(poll))
    assert "no-store" in response["Cache-Control"]
    assert csp_directives(response)["script-src"] == "'self'"
    assert "<script" not in response.content.decode()


def test_the_voter_sees_the_poll_and_nothing_else_of_the_organization(phone, poll, ours):
    make_poll(ours.org, ["A statement of another poll entirely."], title="Another poll")
    for row in ["aad", "add", "aap"]:
        for statement, choice in zip(poll.statements.all(), row, strict=True):
            other = Client()
            vote(other, poll, statement, {"a": "agree", "d": "disagree", "p": "pass"}[choice])
    pages = [phone.get(vote_url(poll)).content.decode()]
    for _ in range(3):
        response = phone.get(vote_url(poll))
        vote(phone, poll, _shown(response))
        pages.append(phone.get(vote_url(poll)).content.decode())
    text = "\n".join(pages)
    for secret in [*ours.secrets, "Eastside Tenants Union", "Another poll", "May Organizer"]:
        assert secret not in text
    assert "/votes/" not in text and "voters" not in text.lower()
    assert "Log out" not in text
