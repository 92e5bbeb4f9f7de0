"""A campaign two years old has hundreds of events: its page lists the next ten (or the latest
before them when fewer are ahead) and links to all of them on the events page."""

import datetime as dt

import pytest
from django.utils import timezone
from factories import CampaignFactory, EventFactory


@pytest.fixture
def campaign(org):
    return CampaignFactory(organization=org, name="Safe Streets")


@pytest.fixture
def events(campaign):
    now = timezone.now()
    return [
        EventFactory(
            organization=campaign.organization,
            campaign=campaign,
            title=f"Meeting {days:+d}",
            starts_at=now + dt.timedelta(days=days, hours=1),
        )
        for days in range(-30, 4)
        if days != 0
    ]


def test_the_page_lists_the_next_events_then_the_latest_before_them(client, campaign, may, events):
    client.force_login(may.user)

    page = client.get(f"/campaigns/{campaign.pk}/")

    shown = [e.title for e in page.context["events"]]
    # 3 ahead, so the 7 latest past ones before them, in date order.
    assert shown == [f"Meeting {d:+d}" for d in range(-7, 4) if d != 0]
    assert "All 33 events of this campaign" in page.content.decode()


def test_the_events_page_lists_one_campaigns_events(client, campaign, may, events):
    other = EventFactory(organization=campaign.organization, title="Another campaign's")
    client.force_login(may.user)

    page = client.get(f"/campaigns/events/?campaign={campaign.pk}")
    everything = client.get("/campaigns/events/")

    assert page.context["campaign"] == campaign
    assert page.context["page"].paginator.count == 33
    assert other.pk not in {e.pk for e in page.context["page"]}
    assert everything.context["page"].paginator.count == 34
