import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from themes_factories import theme_of

from heard.themes.services import rename_theme, theme_campaign


@pytest.fixture
def themed(campaign, listened):
    theme_campaign(campaign=campaign)
    return {topic: theme_of(conversations[0]) for topic, conversations in listened.items()}


def test_an_empty_name_is_refused(themed, organizer):
    with pytest.raises(ValidationError, match="Give the theme a name"):
        rename_theme(by=organizer, theme=themed["rent"], name="   ")


def test_a_name_another_theme_has_is_refused_whatever_its_case(themed, organizer):
    rename_theme(by=organizer, theme=themed["rent"], name="Housing costs")

    with pytest.raises(ValidationError, match="already called “Housing costs”"):
        rename_theme(by=organizer, theme=themed["park"], name="housing COSTS")


def test_a_name_is_tidied_of_extra_spaces(themed, organizer):
    theme = rename_theme(by=organizer, theme=themed["rent"], name="  Rising   rents ")

    assert theme.name == "Rising rents"


def test_a_volunteer_cannot_rename(themed, volunteer):
    with pytest.raises(PermissionDenied):
        rename_theme(by=volunteer, theme=themed["rent"], name="Rent")


def test_another_organization_cannot_rename(themed, outsider):
    with pytest.raises(PermissionDenied):
        rename_theme(by=outsider, theme=themed["rent"], name="Rent")


def test_the_page_explains_what_went_wrong(client, themed, organizer):
    client.force_login(organizer.user)

    response = client.post(f"/themes/{themed['park'].pk}/rename/", {"name": " "})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
