"""An administrator's changes to the team's logins are in the audit log, by field name only."""

from django.urls import reverse
from factories import PASSWORD

from heard.privacy.models import Action, AuditEvent

NEW_PASSWORD = "window-box-marigold-83"


def _user_changes(user):
    return AuditEvent.objects.filter(
        action=Action.CHANGED, object_kind="auth.user", object_id=str(user.pk)
    )


def test_deactivating_a_member_is_recorded_with_the_field_changed(ada, ada_client, lee):
    ada_client.post(reverse("members:active", args=[lee.pk]), {"active": "0"})
    event = _user_changes(lee.user).get()
    assert (event.actor, event.organization) == (ada.user, ada.organization)
    assert "is_active" in event.detail


def test_a_new_password_is_recorded_and_never_kept(ada_client, lee):
    ada_client.post(
        reverse("members:password", args=[lee.pk]),
        {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
    )
    event = _user_changes(lee.user).get()
    assert "password" in event.detail
    assert not AuditEvent.objects.filter(detail__contains="marigold").exists()
    lee.user.refresh_from_db()
    assert lee.user.password not in event.detail


def test_a_sign_in_is_one_sign_in_not_a_change_of_the_login(lee, client):
    client.post(reverse("login"), {"username": lee.user.username, "password": PASSWORD})
    assert AuditEvent.objects.filter(action=Action.SIGN_IN, actor=lee.user).count() == 1
    assert not _user_changes(lee.user).exists()
