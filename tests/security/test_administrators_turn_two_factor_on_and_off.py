"""An administrator turns two-factor sign-in on with a QR code drawn on this machine and one
code from the app, and off again with a code; other roles cannot."""

import re
from base64 import b32decode

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from factories import UserFactory

from .conftest import code_for

URL = "/account/two-factor/"


@pytest.fixture
def ada_client(ada):
    client = Client()
    client.force_login(ada.user)
    return client


def test_the_page_shows_a_qr_code_as_inline_svg_and_the_secret_in_text(ada_client, ada):
    page = ada_client.get(URL).content.decode()

    device = TOTPDevice.objects.get(user=ada.user)
    assert not device.confirmed
    assert "<svg" in page and "<img" not in page
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", page)[1]
    assert b32decode(secret.replace(" ", "")) == device.bin_key
    # Nothing about the secret leaves the machine: no outside address on the page.
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


def test_opening_the_page_again_shows_the_same_secret(ada_client, ada):
    first = ada_client.get(URL).content
    second = ada_client.get(URL).content

    assert TOTPDevice.objects.filter(user=ada.user).count() == 1
    assert (
        re.search(rb"<code>(.*?)</code>", first)[1] == re.search(rb"<code>(.*?)</code>", second)[1]
    )


def test_a_right_code_turns_it_on(ada_client, ada):
    ada_client.get(URL)
    device = TOTPDevice.objects.get(user=ada.user)

    response = ada_client.post(URL, {"code": code_for(device)}, follow=True)

    device.refresh_from_db()
    assert device.confirmed
    assert "Two-factor sign-in is on." in response.content.decode()
    # The session that typed the code is verified: pages keep working.
    assert ada_client.get("/").status_code == 200


def test_a_wrong_code_leaves_it_off(ada_client, ada):
    ada_client.get(URL)
    device = TOTPDevice.objects.get(user=ada.user)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"

    response = ada_client.post(URL, {"code": wrong})

    assert response.status_code == 200
    assert "That code did not match" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_it_is_turned_off_with_a_current_code_only(ada_client, ada):
    ada_client.get(URL)
    device = TOTPDevice.objects.get(user=ada.user)
    ada_client.post(URL, {"code": code_for(device)})

    wrong = f"{(int(code_for(device, 1)) + 1) % 1_000_000:06d}"
    refused = ada_client.post(URL, {"code": wrong})
    assert TOTPDevice.objects.filter(user=ada.user, confirmed=True).exists()
    assert "That code did not match" in refused.content.decode()

    device.refresh_from_db()
    device.throttle_reset()  # a wrong code makes the next try wait a second
    response = ada_client.post(URL, {"code": code_for(device, 1)}, follow=True)
    assert not TOTPDevice.objects.filter(user=ada.user, confirmed=True).exists()
    assert "Two-factor sign-in is off." in response.content.decode()


def test_the_servers_operator_may_turn_it_on_without_belonging_to_an_organization(db):
    operator = UserFactory(username="operator", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(operator)

    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("persona", ["may_client", "lee_client", "loner_client"])
def test_organizers_and_volunteers_cannot(persona, request):
    client = request.getfixturevalue(persona)

    assert client.get(URL).status_code == 403
    assert not TOTPDevice.objects.exists()


def test_the_page_is_behind_sign_in(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
