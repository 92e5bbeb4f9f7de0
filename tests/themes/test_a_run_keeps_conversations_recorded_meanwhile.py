import datetime as dt

from themes_factories import PER_TOPIC, add_conversation, theme_of, topic_note

from heard.themes import grouping
from heard.themes.models import ThemeAssignment
from heard.themes.notes import notes_for_campaign
from heard.themes.runs import theme_campaign


def test_what_a_run_found_unclear_stays_unclear(campaign, listened, organizer, monkeypatch):
    """Only conversations the run did not see are placed afterwards, not the run's own."""
    doubtful = add_conversation(
        campaign, organizer, topic_note("rent", 1) + " first", held_on=dt.date(2024, 1, 1)
    )
    real_find = grouping.find

    def find_with_one_doubt(texts, vectors, **options):
        found = real_find(texts, vectors, **options)
        found.note_themes[0] = -1  # the oldest note: the doubtful one
        found.note_subthemes[0] = -1
        return found

    monkeypatch.setattr(grouping, "find", find_with_one_doubt)

    run = theme_campaign(campaign=campaign)

    assert theme_of(doubtful) is None
    assert run.unclear_count == 1


def test_a_conversation_recorded_during_a_run_is_placed_among_the_new_themes(
    campaign, listened, organizer, monkeypatch
):
    theme_campaign(campaign=campaign)
    late = []

    def notes_then_a_new_conversation(campaign_id):
        notes = notes_for_campaign(campaign_id)
        late.append(add_conversation(campaign, organizer, topic_note("park", 3) + " late"))
        return notes

    monkeypatch.setattr("heard.themes.runs.notes_for_campaign", notes_then_a_new_conversation)

    theme_campaign(campaign=campaign)

    assert theme_of(late[0]) == theme_of(listened["park"][0])
    assert ThemeAssignment.objects.filter(campaign=campaign).count() == 3 * PER_TOPIC + 1
