from django.urls import reverse
from spanish import get_in_spanish

URL = reverse("reports:ladder")


def test_the_ladder_speaks_spanish_to_a_spanish_browser(may_client, ours):
    html = get_in_spanish(may_client, f"{URL}?campaign={ours.campaign.pk}").content.decode()

    assert "<h1>Escalera de siguientes pasos</h1>" in html
    assert "Next-step ladder" not in html
    for rung in ("Invitados", "Dijeron que sí", "Se apuntaron", "Vinieron"):
        assert rung in html
    assert "Heat in Winter" in html  # the campaign keeps its own name


def test_the_ladder_stays_english_by_default(may_client, ours):
    html = may_client.get(URL).content.decode()

    assert "<h1>Next-step ladder</h1>" in html and "Escalera" not in html
