"""/api/tokens/: an administrator makes a token for a member of the organization (the secret is
shown once); each member sees and revokes their own; nobody reaches another organization's
tokens. The audit log records making and revoking."""

from django.test import Client

from heard.api.models import ApiToken
from heard.privacy.models import AuditEvent

from .tokens import token_of


def _client(member) -> Client:
    client = Client()
    client.force_login(member.user)
    return client


def test_an_administrator_makes_a_token_and_sees_its_secret_once(ours, ada, lee):
    client = _client(ada)
    page = client.get("/api/tokens/")
    assert page.status_code == 200 and "Make the token" in page.content.decode()
    response = client.post("/api/tokens/new/", {"member": lee.pk, "name": "Lee's phone"})
    assert response.status_code == 201
    secret = response.context["made"].secret
    assert secret in response.content.decode()
    token = ApiToken.objects.get()
    assert (token.membership, token.created_by, token.name) == (lee, ada.user, "Lee's phone")
    listing = client.get("/api/tokens/").content.decode()
    assert "Lee&#x27;s phone" in listing and secret not in listing
    assert AuditEvent.objects.filter(object_kind="api.apitoken", action="created").exists()


def test_a_token_needs_a_name_and_a_member_of_the_organization(ours, ada, otto):
    client = _client(ada)
    response = client.post("/api/tokens/new/", {"member": ada.pk, "name": "  "})
    assert response.status_code == 400
    response = client.post("/api/tokens/new/", {"member": otto.pk, "name": "Otto's"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    response = client.post("/api/tokens/new/", {"member": "9" * 40, "name": "Long id"})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_a_member_sees_and_revokes_their_own_tokens_only(ours, ada, may, lee):
    token_of(lee, "Lee's phone")
    token_of(may, "May's laptop")
    lees = ApiToken.objects.get(name="Lee's phone")
    mays = ApiToken.objects.get(name="May's laptop")
    lee_client = _client(lee)
    page = lee_client.get("/api/tokens/").content.decode()
    assert "Lee&#x27;s phone" in page and "May&#x27;s laptop" not in page
    assert "Make the token" not in page
    assert lee_client.post("/api/tokens/new/", {"member": lee.pk, "name": "x"}).status_code == 403
    assert lee_client.post(f"/api/tokens/{mays.pk}/revoke/").status_code == 404
    assert lee_client.post(f"/api/tokens/{lees.pk}/revoke/").status_code == 302
    lees.refresh_from_db()
    mays.refresh_from_db()
    assert lees.revoked_at is not None and mays.revoked_at is None
    assert AuditEvent.objects.filter(
        object_kind="api.apitoken", action="changed", object_id=str(lees.pk)
    ).exists()


def test_an_administrator_revokes_any_token_of_the_organization_but_not_anothers(
    ours, ada, lee, otto
):
    token_of(lee)
    token_of(otto)
    lees = ApiToken.objects.get(membership=lee)
    ottos = ApiToken.objects.get(membership=otto)
    client = _client(ada)
    assert client.post(f"/api/tokens/{ottos.pk}/revoke/").status_code == 404
    assert client.post(f"/api/tokens/{lees.pk}/revoke/").status_code == 302
    assert ApiToken.objects.get(pk=lees.pk).revoked_at is not None
    assert ApiToken.objects.get(pk=ottos.pk).revoked_at is None
