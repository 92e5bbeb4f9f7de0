"""The browser's language is the default; a member's own choice, made with the switch on every
page, is remembered on their membership and wins at their next login, on any device."""

import pytest
from django.test import Client

from heard.accounts.models import Membership

PASSWORD = "porch-light-cinnamon-47"  # noqa: S105


@pytest.fixture
def volunteer(lee):
    lee.user.set_password(PASSWORD)
    lee.user.save()
    return lee


def _log_in(client, membership, language="en"):
    return client.post(
        "/login/",
        {"username": membership.user.username, "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_the_login_page_speaks_the_browsers_language(db):
    spanish = Client().get("/login/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    english = Client().get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="es" dir="ltr">' in spanish.text
    assert "Entra a Heard" in spanish.text and "Log in to Heard" not in spanish.text
    assert '<html lang="en" dir="ltr">' in english.text
    assert "Log in to Heard" in english.text


def test_a_visitor_signed_out_switches_language_with_the_form_on_every_page(db):
    client = Client()
    page = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert 'name="language" value="es"' in page.text
    response = client.post(
        "/language/", {"language": "es", "next": "/login/"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert "Entra a Heard" in client.get("/login/", HTTP_ACCEPT_LANGUAGE="en").text


def test_a_members_choice_is_remembered_and_applied_at_their_next_login(volunteer):
    phone = Client()
    _log_in(phone, volunteer)
    phone.post("/language/", {"language": "es", "next": "/people/"}, HTTP_ACCEPT_LANGUAGE="en")
    volunteer.refresh_from_db()
    assert volunteer.language == "es"

    # Another device whose browser says English: after login, Heard speaks Spanish.
    laptop = Client()
    assert "Log in to Heard" in laptop.get("/login/", HTTP_ACCEPT_LANGUAGE="en").text
    _log_in(laptop, volunteer, language="en")
    page = laptop.get("/people/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="es"' in page.text and "Personas" in page.text
    # ...and the cookie follows, so the login page after logging out stays in Spanish.
    assert laptop.cookies["django_language"].value == "es"


def test_a_member_who_chose_nothing_gets_their_browsers_language(volunteer):
    assert volunteer.language == ""
    client = Client()
    _log_in(client, volunteer, language="es")
    assert '<html lang="es"' in client.get("/people/", HTTP_ACCEPT_LANGUAGE="es").text
    assert '<html lang="en"' in client.get("/people/", HTTP_ACCEPT_LANGUAGE="en").text


def test_a_language_heard_does_not_speak_is_not_remembered(volunteer):
    client = Client()
    _log_in(client, volunteer)
    client.post("/language/", {"language": "xx", "next": "/people/"})
    assert Membership.objects.get(pk=volunteer.pk).language == ""


def test_the_switch_goes_back_to_the_page_it_was_on_and_nowhere_else(db):
    client = Client()
    away = client.post("/language/", {"language": "es", "next": "https://example.org/"})
    assert away.status_code == 302 and not away["Location"].startswith("https://example.org")


def test_a_right_to_left_language_sets_dir_rtl(db, settings):
    # A third language is a setting and a catalogue: Arabic needs no code for the page to turn.
    settings.LANGUAGES = [("en", "English"), ("es", "Español"), ("ar", "العربية")]
    page = Client().get("/login/", HTTP_ACCEPT_LANGUAGE="ar")
    assert '<html lang="ar" dir="rtl">' in page.text
    assert 'value="ar" lang="ar"' in Client().get("/login/").text
