import pytest
from django.core.exceptions import ValidationError
from themes_factories import PER_TOPIC, theme_of

from heard.campaigns.models import Campaign
from heard.themes.services import move_conversation, theme_campaign


@pytest.fixture
def themed(campaign, listened):
    theme_campaign(campaign=campaign)
    return {topic: theme_of(conversations[0]) for topic, conversations in listened.items()}


def test_a_moved_conversation_stays_where_the_organizer_put_it_after_a_rerun(
    campaign, themed, listened, organizer
):
    conversation = listened["rent"][0]

    move_conversation(by=organizer, conversation=conversation, to=themed["park"])
    theme_campaign(campaign=campaign)

    assert theme_of(conversation) == themed["park"]
    assert conversation.theme_assignment.by_organizer
    themed["park"].refresh_from_db()
    assert themed["park"].size == PER_TOPIC + 1
    assert themed["park"].kept


def test_a_conversation_can_be_moved_to_unclear(campaign, themed, listened, organizer):
    conversation = listened["traffic"][3]

    move_conversation(by=organizer, conversation=conversation, to=None)
    theme_campaign(campaign=campaign)

    assert theme_of(conversation) is None
    themed["traffic"].refresh_from_db()
    assert themed["traffic"].size == PER_TOPIC - 1


def test_a_conversation_cannot_move_to_another_campaigns_theme(
    themed, listened, organizer, organization
):
    other = Campaign.objects.create(organization=organization, name="Other")
    themed["park"].campaign = other
    themed["park"].save()

    with pytest.raises(ValidationError, match="this conversation's campaign"):
        move_conversation(by=organizer, conversation=listened["rent"][0], to=themed["park"])


def test_moving_through_the_page_returns_to_where_the_organizer_was(
    client, themed, listened, organizer, campaign
):
    client.force_login(organizer.user)
    conversation = listened["rent"][0]
    here = f"/themes/{themed['rent'].pk}/?page=1"

    response = client.post(
        f"/themes/campaign/{campaign.pk}/move/",
        {"conversation": conversation.pk, "to": themed["park"].pk, "next": here},
    )

    assert response.status_code == 302
    assert response["Location"] == here
    assert theme_of(conversation) == themed["park"]


def test_the_page_never_redirects_to_another_site(client, themed, listened, organizer, campaign):
    client.force_login(organizer.user)

    response = client.post(
        f"/themes/campaign/{campaign.pk}/move/",
        {"conversation": listened["rent"][0].pk, "to": "", "next": "https://evil.example/"},
    )

    assert response["Location"] == f"/themes/campaign/{campaign.pk}/"
