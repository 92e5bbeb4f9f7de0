"""Reads of API tokens, and finding the member a bearer token acts as."""

import hashlib
import hmac
import re

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from heard.accounts.models import Membership, Role

from .models import ApiToken

#: "heard_" and what `secrets.token_urlsafe(32)` makes; anything else is not one of ours and
#: never reaches the database.
TOKEN_SHAPE = re.compile(r"heard_[A-Za-z0-9_-]{43}")
#: `last_used_at` is written at most this often per token, not on every request.
LAST_USED_EVERY = 60


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def tokens_for(membership: Membership) -> QuerySet[ApiToken]:
    """An administrator sees every token of the organization; any other member their own."""
    tokens = ApiToken.objects.filter(organization=membership.organization).select_related(
        "membership__user", "created_by"
    )
    if membership.role != Role.ADMIN:
        tokens = tokens.filter(membership=membership)
    return tokens


def get_token_for(membership: Membership, pk) -> ApiToken:
    return get_object_or_404(tokens_for(membership), pk=pk)


def membership_for_token(secret: str) -> Membership | None:
    """The active member a bearer token acts as, or None: a malformed, unknown or revoked token,
    or one of a deactivated member or one who moved to another organization.

    The token is found by its SHA-256, an index lookup whose timing tells nothing of the secret;
    the stored hash is then compared in constant time all the same."""
    if not secret or not TOKEN_SHAPE.fullmatch(secret):
        return None
    digest = hash_secret(secret)
    token = (
        ApiToken.objects.select_related("membership__user", "membership__organization")
        .filter(secret_sha256=digest, revoked_at=None)
        .first()
    )
    if token is None or not hmac.compare_digest(token.secret_sha256, digest):
        return None
    membership = token.membership
    if not membership.user.is_active or membership.organization_id != token.organization_id:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > LAST_USED_EVERY:
        # A queryset update: no signal, so using a token does not fill the audit log.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return membership
