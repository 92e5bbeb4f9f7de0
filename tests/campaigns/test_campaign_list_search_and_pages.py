"""The campaign list: active first, searchable, twenty to a page, with conversation counts."""

import datetime as dt

from django.urls import reverse
from factories import CampaignFactory, ConversationFactory, GuideQuestionFactory

URL = reverse("campaigns:list")


def names(response):
    return [c.name for c in response.context["page"]]


def test_active_campaigns_come_first_newest_first(may_client, org):
    CampaignFactory(organization=org, name="Old", is_active=False, starts_on=dt.date(2024, 1, 1))
    CampaignFactory(organization=org, name="Earlier", starts_on=dt.date(2025, 1, 1))
    CampaignFactory(organization=org, name="Latest", starts_on=dt.date(2025, 6, 1))
    response = may_client.get(URL)
    assert names(response) == ["Latest", "Earlier", "Old"]
    assert '<span class="tag">ended</span>' in response.content.decode()


def test_searching_by_name_or_description(may_client, org):
    CampaignFactory(organization=org, name="Heat in Winter", description="Cold flats")
    CampaignFactory(organization=org, name="Safe Streets", description="Crossings near school")
    assert names(may_client.get(URL, {"q": "heat"})) == ["Heat in Winter"]
    assert names(may_client.get(URL, {"q": "SCHOOL"})) == ["Safe Streets"]
    assert "No campaigns match “Nothing”" in may_client.get(URL, {"q": "Nothing"}).content.decode()


def test_each_campaign_shows_how_many_conversations_it_has(may_client, ours):
    text = may_client.get(URL).content.decode()
    assert "2 conversations" in text


def test_campaigns_come_twenty_to_a_page(may_client, org):
    for n in range(25):
        CampaignFactory(organization=org, name=f"Campaign {n:02d}", starts_on=None)
    assert names(may_client.get(URL)) == [f"Campaign {n:02d}" for n in range(20)]
    assert names(may_client.get(URL, {"page": 2})) == [f"Campaign {n:02d}" for n in range(20, 25)]


def test_the_list_needs_the_same_queries_for_3_or_30_campaigns(may_client, may, org, queries_for):
    def add_campaigns(n):
        for _ in range(n):
            campaign = CampaignFactory(organization=org)
            GuideQuestionFactory(campaign=campaign)
            ConversationFactory(campaign=campaign, held_by=may.user)

    add_campaigns(3)
    few = queries_for(may_client, URL)
    add_campaigns(27)
    assert queries_for(may_client, URL) == few


def test_the_campaign_page_shows_its_guide_and_events_in_order(lee_client, ours):
    response = lee_client.get(reverse("campaigns:detail", args=[ours.campaign.pk]))
    text = response.content.decode()
    assert text.index("What keeps you up at night?") < text.index("What do you hope for?")
    assert "Listen for the story, not the complaint." in text
    assert "Know your rights training" in text
    assert f"{reverse('conversations:new')}?campaign={ours.campaign.pk}" in text
    # Only organizers are offered the edit page.
    assert reverse("campaigns:edit", args=[ours.campaign.pk]) not in text
