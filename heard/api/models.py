"""Per-member API tokens: the secret is shown once and only its SHA-256 is kept."""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A bearer token that acts as one member, with exactly that member's access.

    The secret is 32 random bytes (`secrets.token_urlsafe`), so a plain SHA-256 is enough to
    store it (a slow hash protects guessable passwords, not random keys) and lets a request find
    its token by an indexed lookup. `prefix` is the secret's first characters, so a member can
    tell their tokens apart without the secret being kept anywhere.
    """

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="api_tokens"
    )
    membership = models.ForeignKey(
        "accounts.Membership", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12)
    secret_sha256 = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
