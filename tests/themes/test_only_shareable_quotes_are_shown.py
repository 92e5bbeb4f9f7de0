import pytest
from themes_factories import add_conversation, topic_note

from heard.themes.services import theme_campaign


@pytest.fixture
def page(client, campaign, listened, organizer):
    for n, (text, consent) in enumerate(
        [
            ("Our rent doubled in two years", "public"),
            ("I am scared to ask the landlord for repairs", "team"),
            ("Please do not repeat this: we may be evicted", "none"),
        ]
    ):
        add_conversation(campaign, organizer, topic_note("rent", n), quotes=[(text, consent)])
    theme_campaign(campaign=campaign)
    client.force_login(organizer.user)
    return client.get(f"/themes/campaign/{campaign.pk}/").content.decode()


def test_a_quote_shared_publicly_is_shown_and_labelled_public(page):
    assert "Our rent doubled in two years" in page
    assert 'consent-public">public' in page


def test_a_quote_shared_inside_the_team_is_shown_to_the_team(page):
    assert "I am scared to ask the landlord for repairs" in page
    assert "team only" in page


def test_a_quote_not_to_be_shared_is_never_shown(page):
    assert "we may be evicted" not in page


def test_the_theme_page_leaves_out_unshareable_quotes_too(client, campaign, listened, organizer):
    conversation = add_conversation(
        campaign,
        organizer,
        topic_note("park", 1),
        quotes=[("keep this between us", "none"), ("The park is our living room", "public")],
    )
    theme_campaign(campaign=campaign)
    client.force_login(organizer.user)

    page = client.get(f"/themes/{conversation.theme_assignment.theme_id}/").content.decode()

    assert "The park is our living room" in page
    assert "keep this between us" not in page


def test_a_quote_whose_consent_is_withdrawn_disappears_at_once(
    client, campaign, listened, organizer
):
    from heard.conversations.models import Quote

    add_conversation(
        campaign, organizer, topic_note("rent", 2), quotes=[("Withdraw me later", "public")]
    )
    theme_campaign(campaign=campaign)
    client.force_login(organizer.user)
    url = f"/themes/campaign/{campaign.pk}/"
    assert "Withdraw me later" in client.get(url).content.decode()

    Quote.objects.filter(text="Withdraw me later").update(consent="none")

    assert "Withdraw me later" not in client.get(url).content.decode()


def test_the_same_words_quoted_twice_are_shown_once(client, campaign, organizer):
    for n in range(12):
        add_conversation(
            campaign,
            organizer,
            topic_note("park", n) + f" {n}",
            quotes=[("You came back. Most people don't come back.", "team")],
        )
    theme_campaign(campaign=campaign)
    client.force_login(organizer.user)

    page = client.get(f"/themes/campaign/{campaign.pk}/").content.decode()

    assert page.count("Most people don") == 1
