"""A campaign's action plan: the themes an organizing meeting chose, and the actions taken on
each, with who owns them and how far they have come."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionPlan(models.Model):
    campaign = models.OneToOneField(
        "campaigns.Campaign", on_delete=models.CASCADE, related_name="action_plan"
    )
    title = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.title or f"Plan for {self.campaign}"

    @property
    def organization_id(self) -> int | None:
        """Whose plan it is, for the audit log (which reads `organization_id` off a row)."""
        return _organization_through(self, "campaign")


class PlanTheme(models.Model):
    """One chosen theme. The theme may be merged away or re-run out of existence later; the
    plan keeps the title the meeting chose it by (SET_NULL + `title`), so a plan handed out
    last month still reads the same."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="themes")
    theme = models.ForeignKey(
        "themes.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    # What the meeting wrote down, in its own words: the challenge and the opportunity.
    challenge = models.TextField(blank=True, max_length=2000)
    opportunity = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "theme"], name="plan_theme_once"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organization_id(self) -> int | None:
        return _organization_through(self, "plan", "campaign")


class PlanAction(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DOING = "doing", _("Doing")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    plan_theme = models.ForeignKey(PlanTheme, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(max_length=300)
    # Owned by a member of the team or by a neighbour (a leader who took it on); either may be
    # empty while the meeting has not decided.
    owner_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner_person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hours = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(999)],
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    # Progress shown where the work is recorded: a kept promise or the event it led to.
    commitment = models.ForeignKey(
        "commitments.Commitment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event = models.ForeignKey(
        "campaigns.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.what

    @property
    def organization_id(self) -> int | None:
        return _organization_through(self, "plan_theme", "plan", "campaign")


def _organization_through(row, *path: str) -> int | None:
    """The organization at the end of a chain of parents; None once a parent is gone (a row
    deleted along with its campaign)."""
    try:
        for name in path:
            row = getattr(row, name)
    except ObjectDoesNotExist:
        return None
    return row.organization_id
