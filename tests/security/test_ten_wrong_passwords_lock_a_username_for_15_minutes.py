"""Ten wrong passwords for one username lock it for 15 minutes; the login page says until when."""

import datetime as dt
import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone
from factories import PASSWORD

from heard.security.lockout import lockout_message

LOCKED = "Too many failed sign-ins for this account."


def sign_in(client: Client, username: str, password: str):
    return client.post("/login/", {"username": username, "password": password})


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def client_ip():
    return Client(REMOTE_ADDR="203.0.113.7")


def test_ten_wrong_passwords_then_the_right_one_is_refused_with_the_time_to_come_back(
    client_ip, may
):
    for _ in range(9):
        assert sign_in(client_ip, "may", "guess").status_code == 200
    tenth = sign_in(client_ip, "may", "guess")
    assert tenth.status_code == 429

    response = sign_in(client_ip, "may", PASSWORD)

    assert response.status_code == 429
    assert not signed_in(client_ip)
    page = response.content.decode()
    match = re.search(r"Try again after (\d\d):(\d\d), in (\d+) minutes\.", page)
    assert LOCKED in page and match, page
    # The clock time is local (the organization's time zone), 15 minutes on, rounded up.
    back = timezone.localtime() + dt.timedelta(minutes=15)
    assert f"{match[1]}:{match[2]}" in {f"{back + dt.timedelta(minutes=k):%H:%M}" for k in (0, 1)}
    assert match[3] == "15"
    # It is still the login page, with the username kept.
    assert 'name="password"' in page and 'value="may"' in page


def test_nine_wrong_passwords_and_then_the_right_one_signs_in_and_starts_the_count_again(
    client_ip, may
):
    for _ in range(9):
        sign_in(client_ip, "may", "guess")
    assert sign_in(client_ip, "may", PASSWORD).status_code == 302
    client_ip.logout()

    for _ in range(9):
        sign_in(client_ip, "may", "guess")
    assert sign_in(client_ip, "may", PASSWORD).status_code == 302
    assert signed_in(client_ip)


def test_the_lock_is_on_the_username_whatever_address_the_guesses_come_from(may):
    for n in range(10):
        sign_in(Client(REMOTE_ADDR=f"198.51.100.{n}"), "may", "guess")

    assert sign_in(Client(REMOTE_ADDR="192.0.2.1"), "may", PASSWORD).status_code == 429


def test_a_teammate_at_the_same_address_still_signs_in(client_ip, may, lee):
    for _ in range(10):
        sign_in(client_ip, "may", "guess")

    assert sign_in(client_ip, "lee", PASSWORD).status_code == 302
    assert signed_in(client_ip)


def test_after_15_minutes_the_right_password_works_again(client_ip, may):
    for _ in range(10):
        sign_in(client_ip, "may", "guess")
    assert sign_in(client_ip, "may", PASSWORD).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=15, seconds=1))

    assert sign_in(client_ip, "may", PASSWORD).status_code == 302
    assert signed_in(client_ip)


def test_trying_again_while_locked_does_not_push_the_time_further(client_ip, may):
    for _ in range(10):
        sign_in(client_ip, "may", "guess")
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=10))

    page = sign_in(client_ip, "may", "guess").content.decode()

    assert "in 5 minutes." in page


def test_the_message_rounds_the_clock_time_up_never_down(settings):
    settings.TIME_ZONE = "UTC"
    now = dt.datetime(2025, 3, 1, 14, 17, 20, tzinfo=dt.UTC)
    with timezone.override("UTC"):
        message = lockout_message(now + dt.timedelta(minutes=15), now=now)

    assert message == (
        "Too many failed sign-ins for this account. Try again after 14:33, in 15 minutes."
    )
