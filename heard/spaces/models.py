"""Third spaces: the places where neighbours run into each other, and who goes there."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import Kind

__all__ = ["Kind", "Regular", "ThirdSpace"]


class ThirdSpace(models.Model):
    """A place where people meet informally (a laundromat, a church hall, a park), or a hub of
    helping where help is given or swapped (a food bank, a repair café). Named `ThirdSpace`
    because `people.Place` is a neighbourhood or turf."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="third_spaces"
    )
    name = models.CharField(max_length=160)
    # The name folded (no case, accents or extra spaces; names.fold), set by the services: one
    # place per folded name and organization, held by the database as well.
    name_key = models.CharField(max_length=160, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    neighbourhood = models.ForeignKey(
        "people.Place",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="third_spaces",
    )
    address = models.CharField(max_length=240, blank=True)
    note = models.TextField(max_length=2000, blank=True)
    hub_of_helping = models.BooleanField(
        default=False, help_text="Help is given or swapped there: a food bank, a repair café."
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name_key"], name="third_space_name_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Regular(models.Model):
    """Someone who goes to a third space, and how we know."""

    class How(models.TextChoices):
        CAPTURE = "capture", _("Said so in a conversation")
        ORGANIZER = "organizer", _("Added by an organizer")
        NOTES = "notes", _("Found in notes")

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="third_spaces_visited"
    )
    space = models.ForeignKey(ThirdSpace, on_delete=models.CASCADE, related_name="regulars")
    how = models.CharField(max_length=20, choices=How.choices)
    conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "space"], name="regular_once_per_space")
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.space}"
