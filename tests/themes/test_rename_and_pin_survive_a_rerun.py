from themes_factories import PER_TOPIC, add_conversation, theme_of, topic_note

from heard.themes.models import Theme
from heard.themes.services import pin_theme, rename_theme, theme_campaign, unpin_theme


def test_a_renamed_theme_keeps_its_id_and_name_after_a_rerun(campaign, listened, organizer):
    theme_campaign(campaign=campaign)
    rent = theme_of(listened["rent"][0])

    rename_theme(by=organizer, theme=rent, name="Rising rents")
    theme_campaign(campaign=campaign)

    rent.refresh_from_db()
    assert rent.name == "Rising rents"
    assert rent.title == "Rising rents"
    assert rent.label  # the analysis label is still there beside the name
    assert {theme_of(c).pk for c in listened["rent"]} == {rent.pk}


def test_a_pinned_theme_stays_in_the_codebook_after_a_rerun(campaign, listened, organizer):
    theme_campaign(campaign=campaign)
    park = theme_of(listened["park"][0])

    pin_theme(by=organizer, theme=park)
    theme_campaign(campaign=campaign)

    park.refresh_from_db()
    assert park.pinned
    assert park.size == PER_TOPIC


def test_a_pinned_theme_is_kept_even_when_nobody_mentions_it_any_more(
    campaign, listened, organizer
):
    theme_campaign(campaign=campaign)
    park = theme_of(listened["park"][0])
    pin_theme(by=organizer, theme=park)
    for conversation in listened["park"]:
        conversation.delete()

    theme_campaign(campaign=campaign)

    park.refresh_from_db()
    assert park.pinned
    assert park.size == 0


def test_new_conversations_are_coded_with_the_pinned_theme_first(campaign, listened, organizer):
    theme_campaign(campaign=campaign)
    traffic = theme_of(listened["traffic"][0])
    pin_theme(by=organizer, theme=traffic)
    newcomer = add_conversation(campaign, organizer, topic_note("traffic", 20))

    theme_campaign(campaign=campaign)

    assert theme_of(newcomer) == traffic


def test_unpinning_takes_a_theme_out_of_the_codebook(campaign, listened, organizer):
    theme_campaign(campaign=campaign)
    park = theme_of(listened["park"][0])
    pin_theme(by=organizer, theme=park)

    unpin_theme(by=organizer, theme=park)

    assert not Theme.objects.get(pk=park.pk).pinned
