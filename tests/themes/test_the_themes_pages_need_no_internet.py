import re

from themes_factories import theme_of

from heard.themes.services import theme_campaign


def test_the_themes_pages_load_nothing_from_another_site(client, campaign, listened, organizer):
    theme_campaign(campaign=campaign)
    client.force_login(organizer.user)
    theme = theme_of(listened["rent"][0])

    for url in (f"/themes/campaign/{campaign.pk}/", f"/themes/{theme.pk}/", "/themes/"):
        page = client.get(url).content.decode()
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), url
        # Charts are inline SVG and CSS: the only scripts are every page's own (the outbox and
        # its words), none to draw.
        scripts = set(re.findall(r'<script src="([^"]+)"', page))
        assert scripts <= {"/jsi18n/", "/static/heard/outbox.js"}, scripts
        assert "<script>" not in page


def test_the_charts_are_inline_svg(client, campaign, listened, organizer):
    theme_campaign(campaign=campaign)
    client.force_login(organizer.user)

    page = client.get(f"/themes/campaign/{campaign.pk}/").content.decode()

    assert '<svg class="months"' in page
    assert 'class="heatmap"' in page
