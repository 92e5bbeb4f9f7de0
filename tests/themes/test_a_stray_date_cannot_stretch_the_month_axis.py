"""The month charts run over the campaign's span, whatever is stored: a conversation dated
0001-01-01 (saved before capture refused such dates, or written to the database directly) once
made the Themes page 65 MB. It is left out of the month bars and still counted everywhere else."""

import datetime as dt

import pytest
from django.utils import timezone
from themes_factories import add_conversation, topic_note

from heard.themes.queries import month_span
from heard.themes.services import theme_campaign

FEBRUARY, MARCH = dt.date(2025, 2, 1), dt.date(2025, 3, 1)


def themes_page(client, campaign, organizer):
    theme_campaign(campaign=campaign)
    client.force_login(organizer.user)
    response = client.get(f"/themes/campaign/{campaign.pk}/")
    assert response.status_code == 200
    return response


@pytest.fixture
def dated_campaign(campaign):
    campaign.starts_on, campaign.ends_on = dt.date(2025, 2, 1), dt.date(2025, 6, 30)
    campaign.save(update_fields=["starts_on", "ends_on"])
    return campaign


def test_a_conversation_dated_year_one_does_not_widen_the_month_axis(
    client, dated_campaign, listened, organizer
):
    normal = themes_page(client, dated_campaign, organizer)
    stray = add_conversation(
        dated_campaign, organizer, topic_note("rent", 1), held_on=dt.date(1, 1, 1)
    )

    response = themes_page(client, dated_campaign, organizer)
    page = response.context["page"]

    first, last = month_span(dated_campaign)
    assert (first, last) == (dt.date(2024, 2, 1), dt.date(2025, 6, 1))
    assert page.months == normal.context["page"].months == [FEBRUARY, MARCH]
    assert all([b.month for b in s.months] == page.months for s in page.summaries)
    assert len(response.content) < 2 * len(normal.content)
    # Left out of the month bars only: still themed, and counted in its neighbourhood column.
    assert page.themed == 43
    assert stray.theme_assignment is not None
    no_place = next(p for p in page.places if p.id is None)
    assert no_place.total == 1


def test_dates_far_after_the_campaign_ended_are_left_off_the_axis_too(
    client, dated_campaign, listened, organizer
):
    add_conversation(
        dated_campaign, organizer, topic_note("park", 1), held_on=dt.date(9999, 12, 31)
    )
    page = themes_page(client, dated_campaign, organizer).context["page"]
    assert page.months == [FEBRUARY, MARCH]


def test_a_campaign_without_dates_charts_from_the_year_2000_to_this_month(
    client, campaign, listened, organizer
):
    add_conversation(campaign, organizer, topic_note("traffic", 1), held_on=dt.date(1, 1, 1))
    page = themes_page(client, campaign, organizer).context["page"]
    first, last = month_span(campaign)
    assert first == dt.date(2000, 1, 1)
    assert last == timezone.localdate().replace(day=1)
    assert page.months == [FEBRUARY, MARCH]
