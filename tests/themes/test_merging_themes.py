import pytest
from django.core.exceptions import ValidationError
from themes_factories import PER_TOPIC, add_conversation, theme_of, topic_note

from heard.themes.models import Theme
from heard.themes.services import merge_themes, theme_campaign


@pytest.fixture
def themed(campaign, listened):
    theme_campaign(campaign=campaign)
    return {topic: theme_of(conversations[0]) for topic, conversations in listened.items()}


def test_merging_moves_every_conversation_and_removes_the_merged_theme(themed, listened, organizer):
    merged = merge_themes(by=organizer, theme=themed["park"], into=themed["traffic"])

    assert merged.pk == themed["traffic"].pk
    assert merged.size == 2 * PER_TOPIC
    assert not Theme.objects.filter(pk=themed["park"].pk).exists()
    assert {theme_of(c).pk for c in listened["park"] + listened["traffic"]} == {merged.pk}


def test_a_merged_theme_stays_whole_after_a_rerun(campaign, themed, listened, organizer):
    merged = merge_themes(by=organizer, theme=themed["park"], into=themed["traffic"])
    newcomer = add_conversation(campaign, organizer, topic_note("park", 30))

    theme_campaign(campaign=campaign)

    assert {theme_of(c).pk for c in listened["park"] + listened["traffic"]} == {merged.pk}
    assert theme_of(newcomer).pk == merged.pk
    assert Theme.objects.get(pk=merged.pk).size == 2 * PER_TOPIC + 1


def test_a_theme_cannot_be_merged_into_itself(themed, organizer):
    with pytest.raises(ValidationError, match="cannot be merged into itself"):
        merge_themes(by=organizer, theme=themed["rent"], into=themed["rent"])


def test_the_page_says_why_a_merge_into_itself_is_refused(client, themed, organizer):
    client.force_login(organizer.user)
    rent = themed["rent"]

    response = client.post(f"/themes/{rent.pk}/merge/", {"into": rent.pk})

    assert response.status_code == 400
    assert "cannot be merged into itself" in response.content.decode()


def test_merging_through_the_page_lands_on_the_merged_theme(client, themed, organizer):
    client.force_login(organizer.user)

    response = client.post(
        f"/themes/{themed['park'].pk}/merge/", {"into": themed["rent"].pk}, follow=True
    )

    assert response.redirect_chain[-1][0] == f"/themes/{themed['rent'].pk}/"
    assert "Merged" in response.content.decode()
