from spanish import get_in_spanish

from heard.themes.models import Theme
from heard.themes.runs import request_run


def test_the_themes_pages_speak_spanish_to_a_spanish_browser(
    client, campaign, listened, organizer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request_run(by=organizer, campaign=campaign)
    theme = Theme.objects.filter(campaign=campaign, parent=None).first()
    client.force_login(organizer.user)

    index = get_in_spanish(client, "/themes/").content.decode()
    page = get_in_spanish(client, f"/themes/campaign/{campaign.pk}/").content.decode()
    detail = get_in_spanish(client, f"/themes/{theme.pk}/").content.decode()

    assert "Lo que plantearon los vecinos" in index
    assert "Lo que escuchamos: temas" in page and "What we heard: themes" not in page
    assert "En sus palabras" in page and "In their words" not in page
    assert "Ajustar este tema" in detail and "Curate this theme" not in detail
    assert "primero las más cercanas al tema" in detail


def test_the_themes_page_stays_english_by_default(client, campaign, listened, organizer):
    client.force_login(organizer.user)

    page = client.get(f"/themes/campaign/{campaign.pk}/").content.decode()

    assert "What we heard: themes" in page
    assert "Lo que escuchamos" not in page
