"""Once two-factor is on, the password is only the first step: every page waits for the code."""

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from factories import PASSWORD

from .conftest import code_for

VERIFY = "/account/two-factor/verify/"


@pytest.fixture
def device(ada):
    return TOTPDevice.objects.create(user=ada.user, name="Authenticator app", confirmed=True)


@pytest.fixture
def after_password(ada, device):
    client = Client()
    response = client.post("/login/", {"username": "ada", "password": PASSWORD, "next": "/people/"})
    assert response.status_code == 302
    return client


def test_after_the_password_every_page_sends_you_to_the_code_step(after_password):
    for url in ("/", "/people/", "/conversations/", "/account/two-factor/", "/admin/"):
        response = after_password.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(VERIFY), url


def test_the_login_page_leads_to_the_code_step_and_then_where_you_were_going(
    after_password, device
):
    first = after_password.get("/people/")
    assert first["Location"] == f"{VERIFY}?next=/people/"
    assert "One more step" in after_password.get(first["Location"]).content.decode()

    response = after_password.post(VERIFY, {"code": code_for(device), "next": "/people/"})

    assert response.status_code == 302
    assert response["Location"] == "/people/"
    assert after_password.get("/people/").status_code == 200


def test_a_wrong_code_keeps_the_pages_closed(after_password, device):
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"

    response = after_password.post(VERIFY, {"code": wrong})

    assert response.status_code == 200
    assert "That code did not match" in response.content.decode()
    assert after_password.get("/").status_code == 302


def test_a_code_is_good_once(after_password, device, ada):
    code = code_for(device)
    after_password.post(VERIFY, {"code": code})
    other = Client()
    other.post("/login/", {"username": "ada", "password": PASSWORD})

    other.post(VERIFY, {"code": code})

    assert other.get("/").status_code == 302


def test_the_code_step_does_not_send_you_to_another_site(after_password, device):
    response = after_password.post(
        VERIFY, {"code": code_for(device), "next": "https://phish.example/"}
    )

    assert response["Location"] == "/"


def test_you_can_log_out_before_the_code(after_password):
    response = after_password.post("/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in after_password.session


def test_people_without_two_factor_sign_in_with_the_password_alone(may):
    client = Client()
    client.post("/login/", {"username": "may", "password": PASSWORD})

    assert client.get("/").status_code == 200
