"""Writes for API tokens: an administrator makes one for a member of their organization and
either of them revokes it. The audit log records both (the privacy app's receivers)."""

import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from heard.accounts.models import Membership, Role

from .models import ApiToken
from .queries import hash_secret

MAX_NAME = 100


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    #: The only time the secret exists outside the member's hands: shown once, never stored.
    secret: str


def create_token(*, by: Membership, member: Membership, name: str) -> NewToken:
    """A new token acting as `member`. Only an active administrator makes tokens, and only for
    an active member of their own organization."""
    if by.role != Role.ADMIN or not by.user.is_active:
        raise PermissionDenied
    if member.organization_id != by.organization_id:
        raise Http404
    name = name.strip()
    errors = {}
    if not name:
        errors["name"] = [_("Give the token a name, e.g. the device or script that will use it.")]
    elif len(name) > MAX_NAME:
        errors["name"] = [_("At most %(count)d characters.") % {"count": MAX_NAME}]
    if not member.user.is_active:
        errors["member"] = [_("This member is deactivated: reactivate them first.")]
    if errors:
        raise ValidationError(errors)
    secret = "heard_" + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            organization=by.organization,
            membership=member,
            name=name,
            prefix=secret[6:14],
            secret_sha256=hash_secret(secret),
            created_by=by.user,
        )
    return NewToken(token=token, secret=secret)


def revoke_token(*, by: Membership, token: ApiToken) -> ApiToken:
    """Revoke a token: its own member or an administrator of the organization. Revoking twice
    keeps the first time."""
    if token.organization_id != by.organization_id:
        raise Http404
    if by.role != Role.ADMIN and token.membership_id != by.pk:
        raise Http404
    with transaction.atomic():
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
    return token
