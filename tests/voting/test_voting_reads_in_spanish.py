"""A neighbour whose phone speaks Spanish gets the ballot in Spanish; the organizers' pages
follow their own language; the statements stay as the organizers wrote them."""

from spanish import get_in_spanish

from .conftest import vote_url


def test_a_spanish_phone_gets_a_spanish_ballot(phone, poll):
    page = get_in_spanish(phone, vote_url(poll)).content.decode()

    assert '<html lang="es">' in page
    assert "De acuerdo" in page and "En desacuerdo" in page and "Paso / no sé" in page
    assert "1 de 3" in page and "Agree" not in page
    assert "Winter heat vote" in page


def test_the_organizers_poll_pages_speak_spanish(may_client, poll):
    listing = get_in_spanish(may_client, "/votes/").content.decode()
    results = get_in_spanish(may_client, f"/votes/{poll.pk}/results/").content.decode()

    assert "<h1>Votaciones</h1>" in listing and "Nueva votación" in listing
    assert "3 afirmaciones" in listing
    assert "Todavía no hay votos" in results and "No votes yet" not in results
