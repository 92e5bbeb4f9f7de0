"""Reciprocal commitments: what each side of a one-to-one will do, how many hours, by when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Commitment(models.Model):
    class Side(models.TextChoices):
        PERSON = "person", _("They will")
        ORGANIZER = "organizer", _("We will")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="commitments"
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="commitments"
    )
    side = models.CharField(max_length=20, choices=Side.choices)
    # The member of the team who owns an organizer-side commitment.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    what = models.CharField(max_length=400)
    hours = models.DecimalField(max_digits=5, decimal_places=1)
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    # How a promise ended, and who said so: "done" alone tells a team little about a dropped
    # promise, and the leaders list counts what was kept.
    closed_note = models.CharField(max_length=400, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) & models.Q(hours__lte=200),
                name="commitment_hours_sensible",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()} {self.what} ({self.hours} h by {self.due_on})"


class CalendarFeed(models.Model):
    """A member's private calendar link: the token in the URL is the only key, because calendar
    apps subscribe without signing in. Resetting it makes a new token; the old link stops."""

    membership = models.OneToOneField(
        "accounts.Membership", on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.membership}"
