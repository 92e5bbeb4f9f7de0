"""The next-step ladder's counts, per venue, per volunteer and per campaign, equal a count made
directly from the rows, over a hand-built set holding every case: a matching kind, a kind that
does not match, a sign-up for an event before the conversation, a no-show, a "maybe", a step not
asked, a one-to-one followed up (and one whose one-to-one came before), and another campaign."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from factories import (
    CampaignFactory,
    ConversationFactory,
    EventFactory,
    PersonFactory,
    SignUpFactory,
)

from heard.campaigns.models import Event, SignUp
from heard.conversations.models import Conversation, NextStep, Response, Venue
from heard.reports.queries import EVENT_KINDS_FOR, ladder_for

HELD = timezone.localdate() - dt.timedelta(days=10)


@pytest.fixture
def ladder(org, may, lee):
    campaign = CampaignFactory(organization=org, name="Heat in Winter")
    other = CampaignFactory(organization=org, name="Bus routes")
    p = SimpleNamespace(**{n: PersonFactory(organization=org, name=n) for n in "abcdefghijk"})

    def event(kind, days_after):
        when = timezone.now() - dt.timedelta(days=10 - days_after)
        return EventFactory(organization=org, kind=kind, starts_at=when)

    def talk(by, venue, people, step="", answer=Response.NOT_ASKED, held=HELD, camp=campaign):
        return ConversationFactory(
            campaign=camp,
            held_by=by.user,
            venue=venue,
            held_on=held,
            people=people,
            next_step=step,
            next_step_response=answer,
        )

    K = Event.Kind
    # Matching kind, came.
    talk(lee, Venue.DOOR, [p.a], NextStep.TRAINING, Response.YES)
    SignUpFactory(event=event(K.TRAINING, 3), person=p.a, status=SignUp.Status.ATTENDED)
    # Non-matching kind: said yes to a training, signed up for an action.
    talk(lee, Venue.DOOR, [p.b], NextStep.TRAINING, Response.YES)
    SignUpFactory(event=event(K.ACTION, 3), person=p.b, status=SignUp.Status.ATTENDED)
    # The house meeting was before the conversation.
    talk(may, Venue.TABLING, [p.c], NextStep.HOUSE_MEETING, Response.YES)
    SignUpFactory(event=event(K.HOUSE_MEETING, -3), person=p.c, status=SignUp.Status.ATTENDED)
    # Signed up and did not come.
    talk(may, Venue.TABLING, [p.d], NextStep.ACTION, Response.YES)
    SignUpFactory(event=event(K.ACTION, 1), person=p.d, status=SignUp.Status.NO_SHOW)
    # ... who came to a training instead: not the step they were invited to.
    SignUpFactory(event=event(K.TRAINING, 2), person=p.d, status=SignUp.Status.ATTENDED)
    # Signed up the same day, not yet come.
    talk(may, Venue.TABLING, [p.k], NextStep.ACTION, Response.YES)
    SignUpFactory(event=event(K.ACTION, 0), person=p.k)
    # A one-to-one followed up a week later (the follow-up itself asks nothing).
    talk(may, Venue.DOOR, [p.e], NextStep.ONE_TO_ONE, Response.YES)
    talk(may, Venue.ONE_TO_ONE, [p.e], held=HELD + dt.timedelta(days=7))
    # A one-to-one asked for, but the only one held was before.
    talk(lee, Venue.DOOR, [p.i], NextStep.ONE_TO_ONE, Response.YES)
    talk(lee, Venue.ONE_TO_ONE, [p.i], held=HELD - dt.timedelta(days=7))
    # "Maybe" who came anyway: asked, not yes.
    talk(lee, Venue.DOOR, [p.f], NextStep.EVENT, Response.MAYBE)
    SignUpFactory(event=event(K.MEETING, 2), person=p.f, status=SignUp.Status.ATTENDED)
    # A next step named but not asked; and a "no".
    talk(lee, Venue.DOOR, [p.j], NextStep.TRAINING, Response.NOT_ASKED)
    talk(lee, Venue.DOOR, [p.j], NextStep.TRAINING, Response.NO)
    # A small group invited to an event: one of them came to "other".
    talk(may, Venue.SMALL_GROUP, [p.g, p.h], NextStep.EVENT, Response.YES)
    SignUpFactory(event=event(K.OTHER, 4), person=p.h, status=SignUp.Status.ATTENDED)
    # Another campaign's yes that came: only in the report of all campaigns.
    talk(lee, Venue.DOOR, [p.a], NextStep.TRAINING, Response.YES, camp=other)
    return SimpleNamespace(campaign=campaign, other=other)


def direct_count(conversations) -> dict:
    """The ladder counted row by row in Python, from the rules as the report states them."""
    counts = dict(conversations=0, asked=0, yes=0, signed_up=0, came=0)
    for c in conversations:
        counts["conversations"] += 1
        if not c.next_step or c.next_step_response == Response.NOT_ASKED:
            continue
        counts["asked"] += 1
        if c.next_step_response != Response.YES:
            continue
        counts["yes"] += 1
        people = list(c.people.all())
        if c.next_step == NextStep.ONE_TO_ONE:
            held = Conversation.objects.filter(
                venue=Venue.ONE_TO_ONE, held_on__gt=c.held_on, participants__person__in=people
            ).exists()
            signed = came = held
        else:
            signups = [
                s
                for s in SignUp.objects.filter(person__in=people).select_related("event")
                if s.event.kind in EVENT_KINDS_FOR[c.next_step]
                and timezone.localdate(s.event.starts_at) >= c.held_on
            ]
            signed = bool(signups)
            came = any(s.status == SignUp.Status.ATTENDED for s in signups)
        counts["signed_up"] += signed
        counts["came"] += came
    return counts


def as_dict(row) -> dict:
    fields = ("conversations", "asked", "yes", "signed_up", "came")
    return {f: getattr(row, f) for f in fields}


@pytest.mark.parametrize("with_campaign", [True, False])
def test_per_venue_the_counts_equal_a_direct_count(ladder, may, with_campaign):
    campaign = ladder.campaign if with_campaign else None
    report = ladder_for(may, campaign=campaign, by="venue")
    rows = {r.key: as_dict(r) for r in report.rows}
    mine = Conversation.objects.filter(organization=may.organization)
    if campaign:
        mine = mine.filter(campaign=campaign)
    venues = set(mine.values_list("venue", flat=True))
    assert set(rows) == venues
    for venue in venues:
        assert rows[venue] == direct_count(mine.filter(venue=venue)), venue
    assert as_dict(report.total) == direct_count(mine)


@pytest.mark.parametrize("with_campaign", [True, False])
def test_per_volunteer_the_counts_equal_a_direct_count(ladder, may, lee, with_campaign):
    campaign = ladder.campaign if with_campaign else None
    report = ladder_for(may, campaign=campaign, by="volunteer")
    rows = {r.key: as_dict(r) for r in report.rows}
    mine = Conversation.objects.filter(organization=may.organization)
    if campaign:
        mine = mine.filter(campaign=campaign)
    assert set(rows) == {may.user.pk, lee.user.pk}
    for user in (may.user, lee.user):
        assert rows[user.pk] == direct_count(mine.filter(held_by=user)), user
    assert {r.label for r in report.rows} == {"May Organizer", "Lee Volunteer"}


@pytest.mark.parametrize("with_campaign", [True, False])
def test_per_campaign_the_counts_equal_a_direct_count(ladder, may, with_campaign):
    campaign = ladder.campaign if with_campaign else None
    report = ladder_for(may, campaign=campaign, by="campaign")
    rows = {r.key: as_dict(r) for r in report.rows}
    mine = Conversation.objects.filter(organization=may.organization)
    shown = [ladder.campaign] if with_campaign else [ladder.campaign, ladder.other]
    assert set(rows) == {c.pk for c in shown}
    for campaign_ in shown:
        assert rows[campaign_.pk] == direct_count(mine.filter(campaign=campaign_)), campaign_
    assert {r.label for r in report.rows} == {c.name for c in shown}
    assert as_dict(report.total) == direct_count(mine.filter(campaign__in=shown))


def test_the_hand_built_cases_land_where_the_rules_say(ladder, may, lee):
    """The direct count could share a mistake with the report: the numbers, by hand."""
    by_person = {r.key: as_dict(r) for r in ladder_for(may, ladder.campaign, "volunteer").rows}
    # Lee: training came; training→action; one-to-one before; maybe; not asked; no.
    assert by_person[lee.user.pk] == dict(conversations=7, asked=5, yes=3, signed_up=1, came=1)
    # May: house meeting before; no-show; same-day sign-up; one-to-one held; the follow-up
    # one-to-one; the small group's "other".
    assert by_person[may.user.pk] == dict(conversations=6, asked=5, yes=5, signed_up=4, came=2)
    rungs = ladder_for(may, ladder.campaign).total.rungs
    assert [(r.label, r.count, r.percent) for r in rungs] == [
        ("Asked", 10, 77),
        ("Said yes", 8, 80),
        ("Signed up", 5, 62),
        ("Came", 3, 60),
    ]


def test_the_report_takes_one_query_whatever_the_number_of_conversations(ladder, may, lee):
    def queries(by):
        with CaptureQueriesContext(connection) as captured:
            ladder_for(may, ladder.campaign, by)
        return len(captured)

    assert queries("venue") == 1
    assert queries("volunteer") == 1
    assert queries("campaign") == 1
