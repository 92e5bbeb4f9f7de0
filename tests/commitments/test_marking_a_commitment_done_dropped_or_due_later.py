"""Closing a commitment with a note, opening it again, and moving its due date: staff or whoever
held the conversation; the page posts, redirects back and says what happened."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from heard.commitments import services
from heard.commitments.models import Commitment


def update(client, commitment, **data):
    data.setdefault("status", commitment.status)
    return client.post(reverse("commitments:update", args=[commitment.pk]), data)


def test_the_organizer_marks_one_done_with_a_note(may_client, may, promises):
    overdue = promises["overdue"]
    response = update(may_client, overdue, status="done", note="Landlord called back")
    assert response.status_code == 302
    overdue.refresh_from_db()
    assert overdue.status == Commitment.Status.DONE
    assert overdue.closed_note == "Landlord called back"
    assert overdue.closed_by == may.user
    assert overdue.closed_at is not None
    page = may_client.get(response.url).content.decode()
    assert "Saved: Call the landlord" in page


def test_the_volunteer_closes_one_of_their_own_conversation(lee_client, promises):
    overdue = promises["overdue"]
    assert update(lee_client, overdue, status="dropped", note="Moved away").status_code == 302
    overdue.refresh_from_db()
    assert overdue.status == Commitment.Status.DROPPED


def test_the_volunteer_cannot_reach_anothers_commitment(lee_client, promises):
    week = promises["week"]
    assert update(lee_client, week, status="done").status_code == 404
    week.refresh_from_db()
    assert week.status == Commitment.Status.OPEN


def test_the_outsider_gets_404_and_nothing_changes(otto_client, promises):
    overdue = promises["overdue"]
    assert update(otto_client, overdue, status="done").status_code == 404
    overdue.refresh_from_db()
    assert overdue.status == Commitment.Status.OPEN


def test_a_get_is_not_allowed(may_client, promises):
    url = reverse("commitments:update", args=[promises["overdue"].pk])
    assert may_client.get(url).status_code == 405


def test_a_new_due_date_within_bounds_is_kept(may_client, promises, today):
    later = promises["later"]
    new = today + dt.timedelta(days=90)
    update(may_client, later, due_on=new.isoformat())
    later.refresh_from_db()
    assert later.due_on == new


@pytest.mark.parametrize("years", [-1, 3])
def test_a_due_date_out_of_bounds_is_refused_with_a_message(may_client, promises, today, years):
    later = promises["later"]
    response = update(
        may_client, later, due_on=(today + dt.timedelta(days=365 * years)).isoformat()
    )
    later.refresh_from_db()
    assert later.due_on == today + dt.timedelta(days=30)
    page = may_client.get(response.url).content.decode()
    assert "Saved:" not in page


def test_reopening_clears_how_it_was_closed(may_client, promises):
    done = promises["done"]
    update(may_client, done, status="done", note="Sent")
    update(may_client, done, status="open")
    done.refresh_from_db()
    assert (done.status, done.closed_note, done.closed_at) == ("open", "", None)


def test_it_goes_back_to_the_page_it_came_from_and_nowhere_else(may_client, promises):
    overdue = promises["overdue"]
    back = reverse("commitments:list") + "?show=team&group=week"
    assert update(may_client, overdue, next=back).url == back
    assert update(may_client, overdue, next="https://evil.example/").url == reverse(
        "commitments:list"
    )


def test_the_service_refuses_a_volunteer_on_a_conversation_they_did_not_hold(lee, promises):
    with pytest.raises(PermissionDenied):
        services.mark_done(by=lee, commitment=promises["week"])


def test_the_service_refuses_another_organization(otto, promises):
    with pytest.raises(PermissionDenied):
        services.mark_dropped(by=otto, commitment=promises["week"])


def test_the_service_checks_the_due_date(may, promises, today):
    with pytest.raises(ValidationError):
        services.change_due_date(
            by=may, commitment=promises["week"], due_on=today + dt.timedelta(days=3 * 365)
        )
