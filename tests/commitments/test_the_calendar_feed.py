"""/commitments/calendar.ics?token=...: the member's own open commitments and the sign-ups of
the people of their conversations, read by a strict parser; a wrong or reset token is 404."""

import pytest
from django.urls import reverse
from factories import ParticipantFactory, PersonFactory, SignUpFactory
from icalendar import Calendar

from heard.commitments import services
from heard.commitments.queries import calendar_commitments, calendar_events

URL = reverse("commitments:calendar")


def feed(client, token):
    return client.get(URL, {"token": token})


def parse(response):
    calendar = Calendar.from_ical(response.content.decode())
    events = calendar.walk("VEVENT")
    return calendar, events


def test_the_feed_is_strict_icalendar_with_one_event_per_commitment_and_signup(
    client, lee, promises
):
    token = services.reset_calendar_feed(by=lee).token
    response = feed(client, token)  # no login: the token is the key
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar, events = parse(response)
    assert calendar["VERSION"] == "2.0"
    commitments, signups = calendar_commitments(lee), calendar_events(lee)
    assert commitments.count() == 1  # the overdue one; the done one is closed
    assert signups.count() == 1  # Rosa signed up for the training
    assert len(events) == commitments.count() + signups.count()
    uids = {str(e["UID"]).split("@")[0] for e in events}
    assert uids == {f"commitment-{promises['overdue'].pk}", f"signups-{signups.get().pk}"}


def test_the_organizers_feed_holds_their_own_open_ones(client, may, promises):
    token = services.reset_calendar_feed(by=may).token
    _, events = parse(feed(client, token))
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert len(events) == calendar_commitments(may).count() + calendar_events(may).count()
    assert any("Find a meeting room" in s for s in summaries)
    assert not any("Call the landlord" in s for s in summaries)  # Lee's conversation
    assert not any("Start a petition" in s for s in summaries)  # dropped


def test_a_commitment_is_an_all_day_event_on_its_due_date(client, lee, promises):
    token = services.reset_calendar_feed(by=lee).token
    _, events = parse(feed(client, token))
    (event,) = [e for e in events if str(e["UID"]).startswith("commitment-")]
    assert event.decoded("DTSTART") == promises["overdue"].due_on


def test_no_contact_details_and_no_name_of_a_person_who_signed_up(client, lee, promises, ours):
    token = services.reset_calendar_feed(by=lee).token
    text = feed(client, token).content.decode()
    assert "555-0101" not in text
    signup_events = [e for e in parse(feed(client, token))[1] if "signups-" in str(e["UID"])]
    assert all("Rosa" not in str(e["SUMMARY"]) for e in signup_events)


@pytest.mark.parametrize("token", ["", "nope", "x" * 500, "a\x00b", "../../etc"])
def test_a_wrong_token_is_404(client, lee, token):
    services.reset_calendar_feed(by=lee)
    assert feed(client, token).status_code == 404


def test_a_reset_token_makes_the_old_link_404(client, lee_client, lee, promises):
    old = services.reset_calendar_feed(by=lee).token
    response = lee_client.post(reverse("commitments:calendar_reset"))
    assert response.status_code == 302
    lee.refresh_from_db()
    new = lee.calendar_feed.token
    assert new != old
    assert feed(client, old).status_code == 404
    assert feed(client, new).status_code == 200


def test_the_page_shows_the_link_only_to_its_member(may_client, lee_client, lee):
    token = services.reset_calendar_feed(by=lee).token
    assert token in lee_client.get(reverse("commitments:list")).content.decode()
    assert token not in may_client.get(reverse("commitments:list")).content.decode()


def test_the_reset_needs_a_post_and_a_member(lee_client, loner_client, otto_client, lee):
    url = reverse("commitments:calendar_reset")
    assert lee_client.get(url).status_code == 405
    assert loner_client.post(url).status_code == 404
    old = services.reset_calendar_feed(by=lee).token
    assert otto_client.post(url).status_code == 302  # makes Otto's own, not Lee's
    lee.refresh_from_db()
    assert lee.calendar_feed.token == old


def test_a_deactivated_members_link_stops(client, lee):
    token = services.reset_calendar_feed(by=lee).token
    lee.user.is_active = False
    lee.user.save()
    assert feed(client, token).status_code == 404


def test_an_event_is_in_the_feed_once_with_how_many_of_ones_people_signed_up(
    client, lee, ours, promises
):
    """A busy volunteer's people fill a training: one calendar event says how many, not one
    copy per person (900 copies at 100,000 conversations took seconds to build)."""
    for n in range(3):
        neighbour = PersonFactory(organization=ours.rosa.organization, name=f"Neighbour {n}")
        ParticipantFactory(conversation=ours.by_lee, person=neighbour)
        SignUpFactory(event=ours.event, person=neighbour)
    token = services.reset_calendar_feed(by=lee).token
    _, events = parse(feed(client, token))
    (event,) = [e for e in events if str(e["UID"]).startswith("signups-")]
    assert str(event["SUMMARY"]) == "Know your rights training (4 of your people signed up)"
    assert calendar_events(lee).get().their_signups == 4
