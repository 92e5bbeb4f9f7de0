from django.test import Client
from spanish import get_in_spanish


def test_the_two_factor_page_speaks_spanish(ada):
    client = Client()
    client.force_login(ada.user)

    page = get_in_spanish(client, "/account/two-factor/").content.decode()

    assert "<h1>Acceso en dos pasos</h1>" in page and "<h1>Two-factor sign-in</h1>" not in page
    assert "Escanea este código" in page
