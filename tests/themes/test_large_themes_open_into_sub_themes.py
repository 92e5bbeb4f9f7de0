import pytest
from themes_factories import add_conversation, theme_of

from heard.themes.models import Theme, ThemeRun
from heard.themes.services import theme_campaign

REPAIRS = "landlord rent apartment repairs mold leak ceiling bathroom heater broken"
EVICTION = "landlord rent apartment eviction notice court lawyer lease move out"
TRAFFIC = "cars speeding street crossing kids school traffic speed bumps"


@pytest.fixture
def housing(campaign, organizer):
    made = {"repairs": [], "eviction": [], "traffic": []}
    for n in range(16):
        for kind, words in (("repairs", REPAIRS), ("eviction", EVICTION), ("traffic", TRAFFIC)):
            extra = ("worried", "again", "month", "family", "winter", "today")[n % 6]
            made[kind].append(add_conversation(campaign, organizer, f"{words} {extra} {n}"))
    return made


def test_a_large_theme_keeps_its_sub_themes_and_their_ids_across_runs(campaign, housing):
    theme_campaign(campaign=campaign)
    housing_theme = theme_of(housing["repairs"][0])
    children = list(housing_theme.children.values_list("pk", flat=True))
    subthemes = {c.theme_assignment.subtheme_id for c in housing["repairs"]}
    assert len(children) >= 2
    assert None not in subthemes

    theme_campaign(campaign=campaign)

    assert theme_of(housing["repairs"][0]) == housing_theme
    assert sorted(housing_theme.children.values_list("pk", flat=True)) == sorted(children)
    for conversation in housing["repairs"]:
        conversation.theme_assignment.refresh_from_db()
    assert {c.theme_assignment.subtheme_id for c in housing["repairs"]} == subthemes
    assert Theme.objects.filter(parent__isnull=False).count() == len(
        set(Theme.objects.filter(parent__isnull=False).values_list("pk", flat=True))
    )


def test_the_run_keeps_its_unclear_cut_for_new_conversations(campaign, housing):
    run = theme_campaign(campaign=campaign)

    assert run.unclear_below is not None
    assert 0 < run.unclear_below <= 0.25
    assert ThemeRun.objects.get(pk=run.pk).unclear_below == run.unclear_below
