"""Themes of a listening campaign: what many neighbours raised, kept stable as organizers curate.

A conversation's *note* (its problem/issues/notes answers) is embedded once and cached in
`NoteEmbedding`; a `ThemeRun` groups a campaign's notes into `Theme` rows; a `ThemeAssignment`
says which theme each conversation belongs to. Organizers rename, merge, split and pin themes and
move conversations by hand; re-runs keep all of that.
"""

import numpy as np
from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from heard.conversations.models import Conversation


class NoteEmbedding(models.Model):
    """The database side of `heard.analysis.cache`: one vector per (model, text), ever.

    Keyed by the sha256 of the text, not by conversation: the same words embedded twice would
    give the same vector, and a text that no conversation holds any more can be pruned.
    """

    model_id = models.CharField(max_length=100)
    text_sha256 = models.CharField(max_length=64)
    vector = models.BinaryField()  # float32, the model's dimension
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["model_id", "text_sha256"], name="note_embedding_once_per_model"
            )
        ]

    def __str__(self) -> str:
        return f"{self.model_id}:{self.text_sha256[:12]}"


class ThemeRun(models.Model):
    """One grouping of a campaign's notes; a long run reports progress for the page to show."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for the worker")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="theme_runs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(max_length=80, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    note_count = models.PositiveIntegerField(default=0)
    newly_embedded = models.PositiveIntegerField(default=0)
    theme_count = models.PositiveIntegerField(default=0)
    unclear_count = models.PositiveIntegerField(default=0)
    # Notes less similar than this to every theme were called unclear; new ones are filed alike.
    unclear_below = models.FloatField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["campaign", "-created_at"])]

    def __str__(self) -> str:
        return f"Themes of {self.campaign_id}: {self.get_status_display()}"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


class Theme(models.Model):
    """Something many neighbours raised. `label` comes from the analysis (the notes' own words);
    `name` is what an organizer called it, shown instead when set.

    A theme holds one or more *prototype* vectors: a merged theme keeps the prototypes of both
    themes, so new conversations near either part still land in it.
    """

    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="themes"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    label = models.CharField(max_length=200)
    name = models.CharField(max_length=120, blank=True)
    # In the campaign's codebook: applied first to every note, kept by every re-run.
    pinned = models.BooleanField(default=False)
    # An organizer shaped it (renamed, merged, split, moved a conversation in): re-runs keep it.
    kept = models.BooleanField(default=False)
    prototypes = models.BinaryField()  # float32 rows of the embedding model's dimension
    dimension = models.PositiveSmallIntegerField()
    size = models.PositiveIntegerField(default=0)
    keywords = models.JSONField(default=list, blank=True)
    why_phrases = models.JSONField(default=list, blank=True)
    hope_phrases = models.JSONField(default=list, blank=True)
    # Ids of the quotes and why/hope answers of its most central conversations, chosen when the
    # theme changes ({"quotes": [...], "why": [...], "hope": [...]}); the page re-checks consent.
    highlights = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-size", "id"]
        constraints = [
            models.UniqueConstraint(
                "campaign",
                Lower("name"),
                condition=~models.Q(name=""),
                name="theme_name_unique_in_campaign",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.name or self.label

    @property
    def is_curated(self) -> bool:
        return self.pinned or self.kept

    @property
    def vectors(self) -> np.ndarray:
        """The prototypes as a (k, dimension) float32 array."""
        return np.frombuffer(bytes(self.prototypes), dtype=np.float32).reshape(-1, self.dimension)

    @vectors.setter
    def vectors(self, value: np.ndarray) -> None:
        array = np.atleast_2d(np.asarray(value, dtype=np.float32))
        self.dimension = array.shape[1]
        self.prototypes = array.tobytes()

    @property
    def centroid(self) -> np.ndarray:
        """One unit vector for the whole theme (the mean of its prototypes)."""
        mean = self.vectors.mean(axis=0)
        return mean / max(float(np.linalg.norm(mean)), 1e-12)


class ThemeAssignment(models.Model):
    """Where one conversation sits: a theme, or unclear (theme is null)."""

    conversation = models.OneToOneField(
        "conversations.Conversation", on_delete=models.CASCADE, related_name="theme_assignment"
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="theme_assignments"
    )
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="assignments"
    )
    subtheme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="sub_assignments"
    )
    score = models.FloatField(default=0.0)  # cosine similarity to the theme, 0..1
    # Which text was embedded, so the vector is found in the cache without rebuilding the note.
    note_sha256 = models.CharField(max_length=64)
    # Moved by an organizer: no run or assignment ever moves it back.
    by_organizer = models.BooleanField(default=False)
    assigned_at = models.DateTimeField(auto_now=True)
    # The conversation's place and date, copied when it is placed and when it is corrected
    # (`writes.copy_where_and_when`): the Themes page counts each theme per neighbourhood and per
    # month from this table's indexes alone. Counted through the conversations, every one of a
    # campaign's was looked up by its id: 200 ms at 90,000 on SQLite, on every view after the
    # worker placed a new conversation; from here, 20 ms.
    place = models.ForeignKey(
        "people.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    held_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["campaign", "theme"]),
            models.Index(fields=["theme", "-score"]),
            # Covering the Themes page's two counts (`queries.spread_counts`).
            models.Index(fields=["campaign", "theme", "subtheme", "place"]),
            models.Index(fields=["campaign", "theme", "subtheme", "held_on"]),
            # The newest placing, part of what the page's counts are cached by.
            models.Index(fields=["campaign", "assigned_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id} → {self.theme_id or 'unclear'}"

    def save(self, *args, **kwargs):
        # Written one at a time (tests, the admin): the copy is made here. Heard's own writes
        # are in bulk and copy first (`writes.copy_where_and_when`).
        if self.held_on is None and self.conversation_id is not None:
            facts = (
                Conversation.objects.filter(pk=self.conversation_id)
                .values_list("place_id", "held_on")
                .first()
            )
            self.place_id, self.held_on = facts or (None, None)
        super().save(*args, **kwargs)
