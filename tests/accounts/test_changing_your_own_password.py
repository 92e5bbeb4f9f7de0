"""Every member changes their own password (the administrator only sets a first one)."""

from django.contrib.auth import authenticate
from django.urls import reverse
from factories import PASSWORD

NEW_PASSWORD = "lantern-orchard-4417"


def test_a_volunteer_changes_their_password_and_stays_signed_in(lee, lee_client):
    response = lee_client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert authenticate(username=lee.user.username, password=NEW_PASSWORD) == lee.user
    assert authenticate(username=lee.user.username, password=PASSWORD) is None
    assert lee_client.get(reverse("home")).status_code == 200


def test_a_wrong_old_password_changes_nothing(lee, lee_client):
    response = lee_client.post(
        reverse("password_change"),
        {"old_password": "not it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "old password was entered incorrectly" in response.content.decode()
    assert authenticate(username=lee.user.username, password=PASSWORD) == lee.user


def test_every_page_offers_it(lee_client):
    assert reverse("password_change") in lee_client.get(reverse("home")).content.decode()


def test_it_needs_a_sign_in(client):
    assert client.get(reverse("password_change")).status_code == 302
