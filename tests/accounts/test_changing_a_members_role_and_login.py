"""An administrator changes a member's role and turf, deactivates and reactivates them and sets a
new password; only for members of their own organization."""

import re

from django.contrib.auth import authenticate
from django.test import Client
from django.urls import reverse

from heard.accounts.models import Role

NEW_PASSWORD = "window-box-marigold-83"


def test_an_administrator_makes_a_volunteer_an_organizer_with_other_turf(
    ada_client, lee, riverside
):
    response = ada_client.post(
        reverse("members:edit", args=[lee.pk]), {"role": Role.ORGANIZER, "turf": [riverside.pk]}
    )
    assert response.status_code == 302
    lee.refresh_from_db()
    assert lee.role == Role.ORGANIZER
    assert list(lee.turf.all()) == [riverside]


def test_the_edit_page_shows_the_current_role_and_turf(ada_client, lee, maple, riverside):
    text = ada_client.get(reverse("members:edit", args=[lee.pk])).content.decode()
    boxes = dict(
        re.findall(r'<input type="checkbox" name="turf" value="(\d+)"[^>]*?( checked)?>', text)
    )
    assert boxes == {str(maple.pk): " checked", str(riverside.pk): ""}
    assert '<option value="volunteer" selected>' in text


def test_a_deactivated_member_can_no_longer_log_in_and_is_let_back_in(ada_client, lee):
    lee_client = Client()
    lee_client.force_login(lee.user)
    response = ada_client.post(reverse("members:active", args=[lee.pk]), {"active": "0"})
    assert response.status_code == 302
    lee.user.refresh_from_db()
    assert not lee.user.is_active
    assert lee_client.get(reverse("home")).status_code == 302  # their session ended
    assert authenticate(username="lee", password="listen-first") is None
    ada_client.post(reverse("members:active", args=[lee.pk]), {"active": "1"})
    assert authenticate(username="lee", password="listen-first") == lee.user


def test_deactivating_is_a_post(ada_client, lee):
    assert ada_client.get(reverse("members:active", args=[lee.pk])).status_code == 405
    lee.user.refresh_from_db()
    assert lee.user.is_active


def test_a_new_password_works_and_the_old_one_does_not(ada_client, lee):
    response = ada_client.post(
        reverse("members:password", args=[lee.pk]),
        {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert authenticate(username="lee", password=NEW_PASSWORD) == lee.user
    assert authenticate(username="lee", password="listen-first") is None


def test_a_new_password_is_checked_by_djangos_validators(ada_client, lee):
    response = ada_client.post(
        reverse("members:password", args=[lee.pk]), {"password": "123", "password_again": "123"}
    )
    assert response.status_code == 400
    assert "too short" in response.content.decode()
    assert authenticate(username="lee", password="listen-first") == lee.user


def test_an_administrator_changing_their_own_password_stays_logged_in(ada_client, ada):
    ada_client.post(
        reverse("members:password", args=[ada.pk]),
        {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
    )
    assert ada_client.get(reverse("members:list")).status_code == 200


def test_another_organizations_administrator_changes_nothing_of_ours(otto_admin, lee):
    client = Client()
    client.force_login(otto_admin.user)
    edit = client.post(reverse("members:edit", args=[lee.pk]), {"role": Role.ADMIN})
    active = client.post(reverse("members:active", args=[lee.pk]), {"active": "0"})
    password = client.post(
        reverse("members:password", args=[lee.pk]),
        {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
    )
    assert (edit.status_code, active.status_code, password.status_code) == (404, 404, 404)
    lee.refresh_from_db()
    lee.user.refresh_from_db()
    assert lee.role == Role.VOLUNTEER and lee.user.is_active
    assert authenticate(username="lee", password="listen-first") == lee.user


def test_an_organizer_changes_nobodys_role(may_client, lee):
    response = may_client.post(reverse("members:edit", args=[lee.pk]), {"role": Role.ADMIN})
    assert response.status_code == 403
    lee.refresh_from_db()
    assert lee.role == Role.VOLUNTEER
