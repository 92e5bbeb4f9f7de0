from django.urls import reverse
from spanish import get_in_spanish


def test_the_places_pages_speak_spanish(may_client, laundromat):
    listing = get_in_spanish(may_client, reverse("spaces:list")).content.decode()
    place = get_in_spanish(may_client, reverse("spaces:detail", args=[laundromat.pk]))
    text = place.content.decode()

    assert "<h1>Dónde se encuentran los vecinos</h1>" in listing
    assert "Where neighbours meet" not in listing
    assert "2 van allí" in listing and "Lavandería" in listing
    assert "Quién va allí (2)" in text and "Who goes there" not in text
    assert "The laundromat on Elm" in text  # the place keeps its own name


def test_the_places_pages_stay_english_by_default(may_client, laundromat):
    listing = may_client.get(reverse("spaces:list")).content.decode()

    assert "<h1>Where neighbours meet</h1>" in listing and "Dónde se encuentran" not in listing
