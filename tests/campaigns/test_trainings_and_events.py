"""Organizers plan trainings, house meetings and actions; everyone sees them."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from factories import CampaignFactory, EventFactory

from heard.campaigns.models import Event

NEXT_YEAR = str(timezone.localdate().year + 1)


def event_data(**fields):
    data = {
        "title": "House meeting at Rosa's",
        "kind": "house_meeting",
        "campaign": "",
        "starts_at": NEXT_YEAR + "-05-01T18:30",
        "location": "Maple Court 4B",
        "capacity": "12",
        "description": "Bring a neighbour.",
    }
    data.update(fields)
    return data


def test_an_organizer_creates_an_event_in_a_campaign(may_client, ours):
    response = may_client.post(
        reverse("campaigns:event_new"), event_data(campaign=ours.campaign.pk)
    )
    event = Event.objects.get(title="House meeting at Rosa's")
    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:event", args=[event.pk])
    assert event.organization == ours.org
    assert event.campaign == ours.campaign
    assert (event.kind, event.capacity, event.location) == ("house_meeting", 12, "Maple Court 4B")
    assert timezone.localtime(event.starts_at).replace(tzinfo=None) == dt.datetime(
        int(NEXT_YEAR), 5, 1, 18, 30
    )


def test_an_organizer_edits_an_event(may_client, ours):
    response = may_client.post(
        reverse("campaigns:event_edit", args=[ours.event.pk]),
        event_data(title="Know your rights, part 2", kind="training", capacity=""),
    )
    assert response.status_code == 302
    ours.event.refresh_from_db()
    assert ours.event.title == "Know your rights, part 2"
    assert ours.event.capacity is None
    assert ours.event.organization == ours.org


def test_an_event_needs_a_title_and_a_time(may_client, ours):
    response = may_client.post(
        reverse("campaigns:event_new"), event_data(title="", starts_at="not a time")
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["title"] == ["This field is required."]
    assert errors["starts_at"] == ["Enter a valid date/time."]
    assert Event.objects.count() == 1


def test_the_campaign_choices_are_only_our_own(may_client, ours, theirs):
    response = may_client.get(reverse("campaigns:event_new"))
    choices = list(response.context["form"].fields["campaign"].queryset)
    assert choices == [ours.campaign]
    response = may_client.post(
        reverse("campaigns:event_new"), event_data(campaign=theirs.campaign.pk)
    )
    assert response.status_code == 400
    assert "campaign" in response.context["form"].errors


def test_the_volunteer_may_not_create_or_edit_events(lee_client, ours):
    assert lee_client.post(reverse("campaigns:event_new"), event_data()).status_code == 403
    response = lee_client.post(
        reverse("campaigns:event_edit", args=[ours.event.pk]), event_data(title="Mine now")
    )
    assert response.status_code == 403
    assert Event.objects.get(pk=ours.event.pk).title == "Know your rights training"


def test_the_event_list_shows_newest_first_twenty_to_a_page(lee_client, org):
    for n in range(25):
        EventFactory(
            organization=org, title=f"Event {n:02d}", starts_at=timezone.now() + dt.timedelta(n)
        )
    response = lee_client.get(reverse("campaigns:events"))
    assert [e.title for e in response.context["page"]] == [
        f"Event {n:02d}" for n in range(24, 4, -1)
    ]
    second = lee_client.get(reverse("campaigns:events"), {"page": 2})
    assert [e.title for e in second.context["page"]] == [f"Event {n:02d}" for n in range(4, -1, -1)]


def test_the_event_list_needs_the_same_queries_for_3_or_30_events(may_client, org, queries_for):
    campaign = CampaignFactory(organization=org)
    for _ in range(3):
        EventFactory(organization=org, campaign=campaign)
    few = queries_for(may_client, reverse("campaigns:events"))
    for _ in range(27):
        EventFactory(organization=org, campaign=CampaignFactory(organization=org))
    assert queries_for(may_client, reverse("campaigns:events")) == few


def test_an_event_says_what_it_is_for_and_organizing_is_the_default(may_client, ours):
    may_client.post(reverse("campaigns:event_new"), event_data(title="Potluck", focus="social"))
    may_client.post(reverse("campaigns:event_new"), event_data(title="Training"))
    assert Event.objects.get(title="Potluck").focus == Event.Focus.SOCIAL
    assert Event.objects.get(title="Training").focus == Event.Focus.ORGANIZING
    listing = may_client.get(reverse("campaigns:events")).content.decode()
    assert "Not about help" in listing
    refused = may_client.post(reverse("campaigns:event_new"), event_data(focus="party"))
    assert refused.status_code == 400 and "focus" in refused.context["form"].errors


def test_the_edit_page_shows_the_events_saved_location(may_client, ours):
    ours.event.location = "Front St hall"
    ours.event.save()
    page = may_client.get(reverse("campaigns:event_edit", args=[ours.event.pk]))
    assert page.context["form"]["location"].value() == "Front St hall"
