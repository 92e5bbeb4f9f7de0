"""A re-run starts from the last run's themes, so it must also repair a bad one: a campaign that
was left in one theme (as after the demo's collapse, 86% in one theme) is opened again."""

from themes_factories import add_conversation, theme_of, topic_note

from heard.themes.models import Theme, ThemeAssignment
from heard.themes.services import rename_theme, theme_campaign


def top_level_sizes(campaign) -> list[int]:
    return list(Theme.objects.filter(campaign=campaign, parent=None).values_list("size", flat=True))


def test_a_campaign_left_in_one_theme_is_opened_by_the_next_run(campaign, listened):
    theme_campaign(campaign=campaign)
    rent = theme_of(listened["rent"][0])
    # What a collapsed run leaves behind: every conversation in one uncurated theme.
    ThemeAssignment.objects.filter(campaign=campaign).update(theme=rent, subtheme=None)
    Theme.objects.filter(campaign=campaign).exclude(pk=rent.pk).delete()

    theme_campaign(campaign=campaign)

    sizes = top_level_sizes(campaign)
    assert len(sizes) >= 3
    assert max(sizes) <= sum(sizes) / 3
    for conversations in listened.values():
        assert len({theme_of(c) for c in conversations}) == 1
    # The largest piece of the old theme keeps its id.
    assert Theme.objects.filter(pk=rent.pk).exists()


def test_a_curated_theme_keeps_its_id_name_and_notes_while_new_notes_arrive(
    campaign, listened, organizer
):
    theme_campaign(campaign=campaign)
    park = theme_of(listened["park"][0])
    rename_theme(by=organizer, theme=park, name="Nowhere safe for kids to play")
    before = {c.pk: theme_of(c).pk for cs in listened.values() for c in cs}
    newcomers = {
        topic: [add_conversation(campaign, organizer, topic_note(topic, n)) for n in (20, 21)]
        for topic in listened
    }

    theme_campaign(campaign=campaign)

    park.refresh_from_db()
    assert park.title == "Nowhere safe for kids to play"
    assert {c.pk: theme_of(c).pk for cs in listened.values() for c in cs} == before
    assert {theme_of(c) for c in newcomers["park"]} == {park}
    assert park.size == len(listened["park"]) + 2
    assert len(top_level_sizes(campaign)) == 3


def test_a_theme_whose_notes_hardly_changed_keeps_its_label(campaign, listened, organizer):
    theme_campaign(campaign=campaign)
    rent = theme_of(listened["rent"][0])
    Theme.objects.filter(pk=rent.pk).update(label="Rent keeps going up")
    add_conversation(campaign, organizer, topic_note("rent", 30))

    theme_campaign(campaign=campaign)

    rent.refresh_from_db()
    assert rent.label == "Rent keeps going up"
