"""A bearer token is its member: revoked, or the member deactivated, and it is 401; a malformed
or unknown one too. Only the secret's SHA-256 is stored; using it notes when, without filling
the audit log."""

import hashlib

from django.test import Client

from heard.api.models import ApiToken
from heard.api.services import revoke_token
from heard.privacy.models import AuditEvent

from .tokens import client_with, token_of


def test_a_token_works_until_it_is_revoked(ours, lee):
    secret = token_of(lee)
    client = client_with(secret)
    assert client.get("/api/v1/conversations/").json()["count"] == 1  # Lee held one
    token = ApiToken.objects.get()
    revoke_token(by=lee, token=token)
    response = client.get("/api/v1/conversations/")
    assert response.status_code == 401


def test_a_deactivated_members_token_is_401(ours, lee):
    client = client_with(token_of(lee))
    lee.user.is_active = False
    lee.user.save()
    assert client.get("/api/v1/people/").status_code == 401


def test_malformed_and_unknown_tokens_are_401(ours, lee):
    secret = token_of(lee)
    for wrong in (
        "",
        "x",
        secret[:-1],
        secret[:-1] + ("A" if secret[-1] != "A" else "B"),
        "heard_" + "a" * 5000,
        secret + "\x00",
    ):
        response = Client(headers={"Authorization": f"Bearer {wrong}"}).get("/api/v1/people/")
        assert response.status_code == 401, wrong


def test_only_a_hash_of_the_secret_is_kept(ours, lee):
    secret = token_of(lee)
    token = ApiToken.objects.get()
    assert token.secret_sha256 == hashlib.sha256(secret.encode()).hexdigest()
    stored = [str(getattr(token, f.attname)) for f in ApiToken._meta.concrete_fields]
    assert not [value for value in stored if secret in value or secret[6:] in value]
    assert secret.startswith("heard_" + token.prefix)


def test_using_a_token_notes_when_without_an_audit_event_per_request(ours, lee):
    client = client_with(token_of(lee))
    before = AuditEvent.objects.filter(object_kind="api.apitoken").count()
    client.get("/api/v1/events/")
    first = ApiToken.objects.get().last_used_at
    for _ in range(2):
        client.get("/api/v1/events/")
    assert ApiToken.objects.get().last_used_at is not None
    # Written at most once a minute, not on every request.
    assert ApiToken.objects.get().last_used_at == first
    assert AuditEvent.objects.filter(object_kind="api.apitoken").count() == before


def test_the_signed_in_member_may_use_the_api_from_the_browser(ours, lee_client):
    # The interactive docs call the API with the member's session.
    assert lee_client.get("/api/v1/conversations/").json()["count"] == 1


def test_answers_to_a_token_are_never_cached(ours, lee):
    response = client_with(token_of(lee)).get("/api/v1/people/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
