"""Organizers make polls and statements: short, not repeated, never another organization's
campaign; a poll opens only with a statement on its ballot."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from factories import CampaignFactory

from heard.voting import services
from heard.voting.models import Poll, Statement

from .conftest import make_poll


def test_an_organizer_makes_a_poll_closed_with_a_long_random_link(may_client, may, ours):
    response = may_client.post(
        "/votes/new/", {"title": "  Heat   vote ", "campaign": ours.campaign.pk}
    )
    poll = Poll.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/votes/{poll.pk}/"
    assert poll.title == "Heat vote" and poll.organization == ours.org and not poll.is_open
    assert poll.created_by == may.user and len(poll.token) >= 32
    assert Poll.objects.create(organization=ours.org, title="x").token != poll.token


def test_statements_are_added_one_per_line_and_repeats_skipped(may_client, poll):
    texts = (
        "Buses should run every 10 minutes.\n\n"
        "  the CITY should inspect every building with heating complaints. \n"
    )
    response = may_client.post(f"/votes/{poll.pk}/", {"form": "statements", "texts": texts})
    assert response.status_code == 302
    assert poll.statements.count() == 4
    assert poll.statements.last().text == "Buses should run every 10 minutes."


def test_a_statement_longer_than_140_characters_is_refused(may_client, poll):
    response = may_client.post(f"/votes/{poll.pk}/", {"form": "statements", "texts": "x" * 141})
    assert response.status_code == 400
    assert "140 characters" in response.content.decode()
    assert poll.statements.count() == 3


def test_an_organizer_rewords_and_moderates_out_a_statement(may_client, poll):
    statement = poll.statements.first()
    prefix = f"s{statement.pk}"
    may_client.post(
        f"/votes/statements/{statement.pk}/",
        {f"{prefix}-text": "Reworded.", f"{prefix}-moderated_out": "on"},
    )
    statement.refresh_from_db()
    assert statement.text == "Reworded." and statement.moderated_out
    page = may_client.get(f"/votes/{poll.pk}/").content.decode()
    assert "2 on the ballot" in page and "moderated out" in page


def test_a_poll_opens_only_with_a_statement_on_its_ballot(may_client, ours):
    empty = make_poll(ours.org, [], is_open=False)
    may_client.post(f"/votes/{empty.pk}/open/", {"open": "1"})
    empty.refresh_from_db()
    assert not empty.is_open
    Statement.objects.create(poll=empty, text="One thing.")
    may_client.post(f"/votes/{empty.pk}/open/", {"open": "1"})
    empty.refresh_from_db()
    assert empty.is_open
    may_client.post(f"/votes/{empty.pk}/open/", {"open": "0"})
    empty.refresh_from_db()
    assert not empty.is_open


def test_a_volunteer_may_not_make_or_change_polls(lee, poll):
    with pytest.raises(PermissionDenied):
        services.create_poll(by=lee, title="Mine")
    with pytest.raises(PermissionDenied):
        services.add_statements(by=lee, poll=poll, texts=["More."])
    with pytest.raises(PermissionDenied):
        services.set_poll_open(by=lee, poll=poll, is_open=False)


def test_another_organizations_campaign_or_poll_is_refused(may, otto, poll, theirs):
    with pytest.raises(PermissionDenied):
        services.create_poll(by=may, title="Theirs", campaign=theirs.campaign)
    with pytest.raises(PermissionDenied):
        services.add_statements(by=otto, poll=poll, texts=["Sneaked in."])
    assert not Poll.objects.filter(title="Theirs").exists()


def test_a_poll_form_offers_only_our_campaigns(may_client, ours, theirs):
    CampaignFactory(organization=ours.org, name="Spring cleanup")
    page = may_client.get("/votes/new/").content.decode()
    assert "Spring cleanup" in page and "Heat in Winter" in page
    assert "Westside Rent Strike" not in page
    response = may_client.post("/votes/new/", {"title": "T", "campaign": theirs.campaign.pk})
    assert response.status_code == 400 and not Poll.objects.exists()


def test_an_empty_rewording_is_refused(may, poll):
    with pytest.raises(ValidationError):
        services.change_statement(
            by=may, statement=poll.statements.first(), text="  ", moderated_out=False
        )
