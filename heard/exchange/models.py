"""An import while an organizer looks at it: the file as read, how its columns map onto Heard,
what to do with each row that looks like someone already here, and afterwards what was done.

The rows live in the database, not in a file on the machine that received the upload: the
preview and the apply may be answered by different web processes (see ARCHITECTURE.md's
deployment section), and an abandoned import is one row to delete.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    class Kind(models.TextChoices):
        PEOPLE = "people", _("People")
        CONVERSATIONS = "conversations", _("Conversations (past listening)")

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Being checked")
        APPLIED = "applied", _("Imported")
        DISCARDED = "discarded", _("Discarded")

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="imports"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PEOPLE)
    # The campaign past conversations are imported into (a conversations import only).
    campaign = models.ForeignKey(
        "campaigns.Campaign", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=200)
    columns = models.JSONField(default=list)  # the header row, as written
    rows = models.JSONField(default=list)  # every other row, as text cells
    mapping = models.JSONField(default=dict)  # column index (text) -> Heard field
    # Row number (text) -> "merge" / "skip" / "create", for rows that look like someone.
    choices = models.JSONField(default=dict)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PREVIEW)
    report = models.JSONField(default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"
