"""Every themes view with three personas: an organizer of the campaign's organization may; a
volunteer of the same organization gets 403; an organizer of another organization gets 404."""

import pytest
from themes_factories import theme_of

from heard.themes.models import Theme
from heard.themes.services import theme_campaign


@pytest.fixture
def themed(campaign, listened):
    theme_campaign(campaign=campaign)
    return theme_of(listened["rent"][0])


def views(campaign, theme, conversation, other_theme):
    """(method, url, data, organizer's expected status) for every themes view."""
    return [
        ("get", f"/themes/campaign/{campaign.pk}/", {}, 200),
        ("get", f"/themes/campaign/{campaign.pk}/unclear/", {}, 200),
        ("post", f"/themes/campaign/{campaign.pk}/run/", {}, 302),
        (
            "post",
            f"/themes/campaign/{campaign.pk}/move/",
            {"conversation": conversation.pk, "to": other_theme.pk},
            302,
        ),
        ("get", f"/themes/{theme.pk}/", {}, 200),
        ("post", f"/themes/{theme.pk}/rename/", {"name": "Rent"}, 302),
        ("post", f"/themes/{theme.pk}/pin/", {"pinned": "on"}, 302),
        ("post", f"/themes/{theme.pk}/merge/", {"into": other_theme.pk}, 302),
        ("post", f"/themes/{theme.pk}/split/", {}, 302),
    ]


@pytest.fixture
def every_view(campaign, listened, themed):
    other = theme_of(listened["park"][0])
    return views(campaign, themed, listened["rent"][0], other)


@pytest.mark.parametrize("index", range(9))
def test_an_organizer_may(client, organizer, every_view, index):
    method, url, data, expected = every_view[index]
    client.force_login(organizer.user)

    response = getattr(client, method)(url, data)

    assert response.status_code == expected


@pytest.mark.parametrize("index", range(9))
def test_a_volunteer_of_the_same_organization_is_refused(client, volunteer, every_view, index):
    method, url, data, _ = every_view[index]
    client.force_login(volunteer.user)

    response = getattr(client, method)(url, data)

    assert response.status_code == 403


@pytest.mark.parametrize("index", range(9))
def test_another_organization_finds_nothing(client, outsider, every_view, index, themed):
    method, url, data, _ = every_view[index]
    client.force_login(outsider.user)
    before = Theme.objects.get(pk=themed.pk)

    response = getattr(client, method)(url, data)

    assert response.status_code == 404
    after = Theme.objects.get(pk=themed.pk)
    assert (after.name, after.pinned, after.size) == (before.name, before.pinned, before.size)


def test_the_themes_index_lists_only_the_organizations_own_campaigns(
    client, outsider, organizer, campaign, themed
):
    client.force_login(outsider.user)
    assert campaign.name not in client.get("/themes/").content.decode()
    client.force_login(organizer.user)
    assert campaign.name in client.get("/themes/").content.decode()


def test_a_volunteer_cannot_open_the_themes_index(client, volunteer, themed):
    client.force_login(volunteer.user)

    assert client.get("/themes/").status_code == 403


def test_someone_logged_out_is_sent_to_log_in(client, campaign, themed):
    response = client.get(f"/themes/campaign/{campaign.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
