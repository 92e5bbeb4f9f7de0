import datetime as dt

from themes_factories import add_conversation, topic_note

from heard.people.models import Place
from heard.themes.services import theme_campaign


def test_a_neighbourhood_with_few_conversations_is_not_marked_as_raising_a_theme(
    client, campaign, listened, organizer
):
    tiny = Place.objects.create(organization=campaign.organization, name="Tiny Court")
    add_conversation(campaign, organizer, topic_note("rent", 3) + " tiny", place=tiny)
    theme_campaign(campaign=campaign)
    client.force_login(organizer.user)

    page = client.get(f"/themes/campaign/{campaign.pk}/").context["page"]

    column = [p.id for p in page.places].index(tiny.pk)
    cells = [cells[column] for _, cells in page.rows]
    assert any(c.share == 1.0 for c in cells)  # all of Tiny Court's one conversation
    assert all(c.few and not c.raised_more for c in cells)


def test_a_month_with_few_conversations_is_drawn_off_the_scale(
    client, campaign, listened, organizer
):
    add_conversation(
        campaign, organizer, topic_note("park", 3) + " late", held_on=dt.date(2025, 4, 2)
    )
    theme_campaign(campaign=campaign)
    client.force_login(organizer.user)

    page = client.get(f"/themes/campaign/{campaign.pk}/").context["page"]

    for summary in page.summaries:
        april = summary.months[-1]
        assert april.month == dt.date(2025, 4, 1)
        assert april.few
        busiest = max(b.height for b in summary.months if not b.few)
        assert busiest == 40  # the scale is set by the months with enough conversations
