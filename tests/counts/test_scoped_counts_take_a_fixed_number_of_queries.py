"""Counting through the access helpers stays one subquery per list, not one query per row: the
campaign list and an event page take as many queries with many rows as with few."""

from django.urls import reverse
from factories import CampaignFactory, ConversationFactory, PersonFactory, SignUpFactory


def test_the_campaign_list_counts_in_one_query(lee_client, lee, ours, maple, queries_for):
    url = reverse("campaigns:list")
    few = queries_for(lee_client, url)
    for n in range(6):
        campaign = CampaignFactory(organization=ours.org, name=f"Campaign {n}")
        ConversationFactory(campaign=campaign, held_by=lee.user, place=maple)
    assert queries_for(lee_client, url) == few


def test_an_event_page_lists_sign_ups_in_one_query(lee_client, ours, maple, queries_for):
    url = reverse("campaigns:event", args=[ours.event.pk])
    few = queries_for(lee_client, url)
    for _ in range(6):
        SignUpFactory(event=ours.event, person=PersonFactory(organization=ours.org, place=maple))
    assert queries_for(lee_client, url) == few
