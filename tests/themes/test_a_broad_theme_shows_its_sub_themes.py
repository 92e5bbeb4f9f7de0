from themes_factories import add_conversation

from heard.themes.services import theme_campaign

REPAIRS = "landlord rent apartment repairs mold leak ceiling bathroom heater broken"
EVICTION = "landlord rent apartment eviction notice court lawyer lease move out"
TRAFFIC = "cars speeding street crossing kids school traffic speed bumps"


def test_a_theme_holding_a_fifth_of_the_conversations_lists_its_sub_themes(
    client, campaign, organizer
):
    for n in range(16):
        extra = ("worried", "again", "month", "family", "winter", "today")[n % 6]
        for words in (REPAIRS, EVICTION, TRAFFIC):
            add_conversation(campaign, organizer, f"{words} {extra} {n}")
    theme_campaign(campaign=campaign)
    client.force_login(organizer.user)

    response = client.get(f"/themes/campaign/{campaign.pk}/")

    page = response.context["page"]
    broad = [s for s in page.summaries if s.children]
    assert broad, "the housing theme opens into sub-themes"
    shown = [row for row, _ in page.rows]
    for summary in broad:
        assert summary.share >= 0.2
        assert all(child in shown for child in summary.children)
        assert f"?sub={summary.children[0].theme.pk}" in response.content.decode()
