"""The audit log: who did what to which record, and when.

Heard keeps its own small table instead of using django-auditlog or django-simple-history:
those store the changed *values*, which would copy a neighbour's name, address and words into
the log, where erasing the person would not reach them. An `AuditEvent` holds ids, kinds and
field *names* only, never a value a member typed about a neighbour; the member's own username is
kept, because members are the team, not the people Heard listens to.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
    SIGN_OUT = "sign_out", _("Signed out")
    CREATED = "created", _("Created")
    CHANGED = "changed", _("Changed")
    DELETED = "deleted", _("Deleted")
    VIEWED = "viewed", _("Viewed")
    EXPORTED = "exported", _("Exported")
    ERASED = "erased", _("Erased")


class AuditEvent(models.Model):
    # Null for what only the operator sees: failed sign-ins by unknown names, the machine's own
    # work, an organization's deletion.
    organization = models.ForeignKey(
        "accounts.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="audit_events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The member's username when it happened (it outlives the login), "command line" for the
    # operator, "unknown user" for a failed sign-in with a name no member has, "" for the machine.
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    object_kind = models.CharField(max_length=100, blank=True, help_text="app_label.model")
    object_id = models.CharField(max_length=64, blank=True)
    # The neighbour the event is about (a plain id, not a key: the erasure's own event outlives
    # the person it names).
    person_id = models.BigIntegerField(null=True, blank=True)
    detail = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["organization", "-at"]),
            models.Index(fields=["organization", "action", "-at"]),
            models.Index(fields=["organization", "actor_name", "-at"]),
            models.Index(fields=["object_kind", "object_id"]),
            models.Index(fields=["person_id"]),
        ]

    def __str__(self) -> str:
        what = f" {self.object_kind} #{self.object_id}" if self.object_kind else ""
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name or 'Heard'} {self.action}{what}"
