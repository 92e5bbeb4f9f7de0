"""Searching for our words from another organization finds nothing, and nothing of ours can be
changed from there: every answer is 404 or "unknown", never someone else's data."""

import pytest
from django.urls import reverse

from heard.campaigns.models import Campaign, Event, SignUp


@pytest.mark.parametrize(
    "url",
    [
        "/people/?q=Rosa",
        "/people/?q=555-0101",
        "/people/search.json?q=Rosa",
        "/people/search.json?q=a",
        "/conversations/?q=radiator",
        "/conversations/?q=Maple",
        "/conversations/?q=Rosa",
        "/campaigns/?q=Heat",
        "/campaigns/events/",
        "/",
    ],
)
def test_an_outsiders_searches_find_none_of_our_data(otto_client, ours, theirs, url):
    response = otto_client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    for secret in ours.secrets:
        assert secret not in text


def test_an_outsider_filtering_by_our_campaign_finds_nothing(otto_client, ours, theirs):
    response = otto_client.get(f"/conversations/?campaign={ours.campaign.pk}")
    # Another organization's campaign is not a choice of the filter: the list says so (400)
    # and shows the outsider only their own conversations.
    assert response.status_code == 400
    assert list(response.context["page"]) == [theirs.conversation]
    assert "Heat in Winter" not in response.content.decode()


def test_the_outsiders_typeahead_lists_only_their_own_people(otto_client, ours, theirs):
    response = otto_client.get("/people/search.json", {"q": "e"})
    assert [p["name"] for p in response.json()["results"]] == ["Olga Westsider"]


def test_an_outsider_cannot_edit_our_campaign(otto_client, ours):
    response = otto_client.post(
        reverse("campaigns:edit", args=[ours.campaign.pk]),
        {"name": "Taken over", "guide-TOTAL_FORMS": 0, "guide-INITIAL_FORMS": 0},
    )
    assert response.status_code == 404
    ours.campaign.refresh_from_db()
    assert ours.campaign.name == "Heat in Winter"


def test_an_outsider_cannot_edit_our_event(otto_client, ours):
    response = otto_client.post(
        reverse("campaigns:event_edit", args=[ours.event.pk]),
        {"title": "Cancelled", "kind": "training", "starts_at": "2030-01-01T10:00"},
    )
    assert response.status_code == 404
    assert Event.objects.get(pk=ours.event.pk).title == "Know your rights training"


def test_an_outsider_cannot_sign_anyone_up_for_our_event(otto_client, ours, theirs):
    response = otto_client.post(
        reverse("campaigns:event", args=[ours.event.pk]), {"person": theirs.olga.pk}
    )
    assert response.status_code == 404
    assert not SignUp.objects.filter(person=theirs.olga, event=ours.event).exists()


def test_an_outsider_cannot_change_our_sign_ups(otto_client, ours):
    response = otto_client.post(
        reverse("campaigns:signup_status", args=[ours.event.pk, ours.signup.pk]),
        {"status": "no_show"},
    )
    assert response.status_code == 404
    ours.signup.refresh_from_db()
    assert ours.signup.status == SignUp.Status.SIGNED_UP


def test_an_outsider_cannot_reach_our_sign_up_through_their_own_event(otto_client, ours, theirs):
    response = otto_client.post(
        reverse("campaigns:signup_status", args=[theirs.event.pk, ours.signup.pk]),
        {"status": "no_show"},
    )
    assert response.status_code == 404
    ours.signup.refresh_from_db()
    assert ours.signup.status == SignUp.Status.SIGNED_UP


def test_an_outsiders_event_cannot_be_put_in_our_campaign(otto_client, ours, theirs):
    response = otto_client.post(
        reverse("campaigns:event_new"),
        {
            "title": "Sneaky",
            "kind": "training",
            "campaign": ours.campaign.pk,
            "starts_at": "2030-01-01T10:00",
        },
    )
    assert response.status_code == 400
    assert "campaign" in response.context["form"].errors
    assert not Event.objects.filter(title="Sneaky").exists()
    assert Campaign.objects.get(pk=ours.campaign.pk).events.count() == 1
