from django.test import Client
from spanish import get_in_spanish


def test_the_token_page_speaks_spanish_and_the_api_stays_english(ada, api):
    client = Client()
    client.force_login(ada.user)

    page = get_in_spanish(client, "/api/tokens/").content.decode()

    assert "<h1>Claves de la API</h1>" in page and "Make the token" not in page
    assert "Crear el token" in page
