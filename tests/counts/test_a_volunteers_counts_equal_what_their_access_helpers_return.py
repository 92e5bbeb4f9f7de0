"""Every count and list a member sees on a page is what their access helpers return: a volunteer
is told how many of the campaign's conversations they may open (not the 449 the team held) and
who signed up among the people they may see (not all 46)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from factories import (
    CampaignFactory,
    CommitmentFactory,
    ConversationFactory,
    EventFactory,
    PersonFactory,
    SignUpFactory,
)

from heard.campaigns.models import SignUp
from heard.campaigns.queries import events_for, signups_for
from heard.commitments.queries import commitments_for
from heard.conversations.models import Conversation
from heard.conversations.queries import conversations_for
from heard.people.queries import people_for


@pytest.fixture
def busy(ours, org, maple, riverside, may, lee):
    """The team held many more conversations than the volunteer, and many more people signed up
    for the event than the volunteer may see."""
    neighbours = [PersonFactory(organization=org, place=riverside) for _ in range(5)]
    for person in neighbours:
        held = ConversationFactory(campaign=ours.campaign, held_by=may.user, people=[person])
        SignUpFactory(event=ours.event, person=person)
        CommitmentFactory(conversation=held, person=person)
    ConversationFactory(campaign=ours.campaign, held_by=lee.user, place=maple, people=[ours.rosa])
    quiet = CampaignFactory(organization=org, name="Quiet Streets")
    ConversationFactory(campaign=quiet, held_by=may.user, people=[neighbours[0]])
    later = EventFactory(
        organization=org,
        campaign=ours.campaign,
        title="Rent strike meeting",
        starts_at=timezone.now() + dt.timedelta(days=3),
    )
    SignUpFactory(event=later, person=neighbours[1])
    CommitmentFactory(conversation=ours.by_lee, person=ours.rosa)
    ours.quiet, ours.later = quiet, later
    return ours


MEMBERS = ["lee", "may"]


@pytest.fixture(params=MEMBERS)
def member(request, busy):
    """Each page is checked as the volunteer and as the organizer."""
    membership = request.getfixturevalue(request.param)
    client = request.getfixturevalue(f"{request.param}_client")
    return membership, client


def test_the_volunteer_sees_fewer_than_the_team(busy, lee):
    # Otherwise the tests below could not tell a scoped count from a total.
    assert conversations_for(lee).filter(campaign=busy.campaign).count() == 2
    assert Conversation.objects.filter(campaign=busy.campaign).count() == 8
    assert signups_for(lee).filter(event=busy.event).count() == 1
    assert SignUp.objects.filter(event=busy.event).count() == 6


def test_campaign_detail(member, busy):
    membership, client = member
    response = client.get(reverse("campaigns:detail", args=[busy.campaign.pk]))
    expected = conversations_for(membership).filter(campaign=busy.campaign).count()
    assert response.context["conversation_count"] == expected
    assert f"{expected} conversations" in response.content.decode()
    events = events_for(membership).filter(campaign=busy.campaign)
    assert list(response.context["events"]) == list(events)


def test_campaign_list(member, busy):
    membership, client = member
    response = client.get(reverse("campaigns:list"))
    shown = {c.pk: c.conversation_count for c in response.context["page"]}
    visible = conversations_for(membership)
    assert shown == {c.pk: visible.filter(campaign=c).count() for c in (busy.campaign, busy.quiet)}
    text = response.content.decode()
    assert f"{shown[busy.campaign.pk]} conversations" in text


def test_event_detail(member, busy):
    membership, client = member
    response = client.get(reverse("campaigns:event", args=[busy.event.pk]))
    expected = signups_for(membership).filter(event=busy.event)
    assert response.context["signup_count"] == expected.count()
    assert {s.pk for s in response.context["signups"]} == set(expected.values_list("pk", flat=True))
    text = response.content.decode()
    hidden = SignUp.objects.filter(event=busy.event).exclude(pk__in=expected)
    assert all(s.person.name not in text for s in hidden)
    assert f"({expected.count()}" in text


def test_event_list(member, busy):
    membership, client = member
    response = client.get(reverse("campaigns:events"))
    page = response.context["page"]
    assert page.paginator.count == events_for(membership).count()
    assert {e.pk for e in page} == set(events_for(membership).values_list("pk", flat=True))


def test_home(member, busy):
    membership, client = member
    response = client.get(reverse("home"))
    context = response.context
    assert context["conversation_count"] == conversations_for(membership).count()
    assert context["people_count"] == people_for(membership).count()
    assert {c.pk for c in context["recent"]} <= set(
        conversations_for(membership).values_list("pk", flat=True)
    )
    assert {k.pk for k in context["open_commitments"]} <= set(
        commitments_for(membership).values_list("pk", flat=True)
    )
    assert {e.pk for e in context["upcoming_events"]} <= set(
        events_for(membership).values_list("pk", flat=True)
    )
    text = response.content.decode()
    assert f"{context['conversation_count']} conversation" in text
