from themes_factories import PER_TOPIC, add_conversation, theme_of, topic_note

from heard.themes.models import Theme, ThemeAssignment
from heard.themes.services import theme_campaign


def themes_by_topic(listened) -> dict[str, int]:
    return {topic: theme_of(conversations[0]).pk for topic, conversations in listened.items()}


def test_each_topic_becomes_one_theme(campaign, listened):
    run = theme_campaign(campaign=campaign)

    assert run.status == "done"
    assert run.theme_count == 3
    for conversations in listened.values():
        assert len({theme_of(c).pk for c in conversations}) == 1
    assert len(set(themes_by_topic(listened).values())) == 3


def test_a_rerun_on_the_same_notes_keeps_every_theme_id(campaign, listened):
    theme_campaign(campaign=campaign)
    first = themes_by_topic(listened)

    theme_campaign(campaign=campaign)

    assert themes_by_topic(listened) == first
    assert set(Theme.objects.filter(parent=None).values_list("pk", flat=True)) == set(
        first.values()
    )


def test_a_rerun_after_new_conversations_keeps_ids_and_grows_the_themes(
    campaign, listened, organizer
):
    theme_campaign(campaign=campaign)
    first = themes_by_topic(listened)
    newcomers = [
        add_conversation(campaign, organizer, topic_note("rent", n)) for n in range(10, 16)
    ]

    theme_campaign(campaign=campaign)

    assert themes_by_topic(listened) == first
    assert {theme_of(c).pk for c in newcomers} == {first["rent"]}
    assert Theme.objects.get(pk=first["rent"]).size == PER_TOPIC + 6
    assert ThemeAssignment.objects.filter(campaign=campaign).count() == 3 * PER_TOPIC + 6
