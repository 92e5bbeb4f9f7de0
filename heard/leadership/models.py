"""Leader signals and kindliness, recorded as history: each assessment is a new row."""

from django.conf import settings
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class Kindliness(models.TextChoices):
    """The four orientations to kindness from JRF's report, as organizers notice them."""

    UNKNOWN = "", _("Not noticed")
    TRADITIONAL = "traditional", _("Traditional")
    ACTIVIST = "activist", _("Activist")
    RESCUER = "rescuer", _("Rescuer")
    EMPATHIC = "empathic", _("Empathic")


class LeadershipLevel(models.Model):
    """One step of the organization's own leadership scale, defined by what an organizer sees
    the person do (as union and Action Builder scales are), e.g. 1 "Core leader: recruits and
    leads others without us asking". Position 1 is the strongest.

    A level that an assessment names cannot be deleted (the assessment's FK restricts it), only
    renamed or redefined; each assessment also keeps the name and definition it was made on."""

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="leadership_levels"
    )
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=80)
    definition = models.CharField("what you see them do", max_length=500)

    # Names are unique within an organization by the service (`save_scale`), not by a database
    # constraint: one save of the scale page renames and reorders several rows, and a swap of two
    # names would trip a row-by-row unique check that SQLite cannot defer.
    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"


class Assessment(models.Model):
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="assessments"
    )
    conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_on = models.DateField()
    # The verbose names are the capture form's labels: the person page says what the form said.
    offered_to_help = models.BooleanField(_("offered to help"), default=False)
    named_neighbours = models.BooleanField(_("named neighbours to talk to"), default=False)
    wants_to_host = models.BooleanField(_("wants to host"), default=False)
    took_on_role = models.BooleanField(_("took on a role"), default=False)
    kindliness = models.CharField(max_length=20, choices=Kindliness.choices, blank=True)
    # What makes asking for help hard for them, as JRF's report names it: giving that went one
    # way, the bitterness it leaves, a wish to manage alone. Help offered as help does not reach
    # these neighbours; the kindliness lens shows which activities do.
    gave_without_return = models.BooleanField(_("has given without getting back"), default=False)
    bitter_about_help = models.BooleanField(_("bitter about help that went one way"), default=False)
    wants_self_reliance = models.BooleanField(_("would rather manage on their own"), default=False)
    # Why the organizer judged so (what they saw): an assessment is a judgement with a history,
    # and the person's path reads better with the reason beside each step.
    note = models.CharField(_("why"), max_length=1000, blank=True)
    # The organizer's judgement on the organization's scale (capture records none). RESTRICT: a
    # level in use is never deleted on its own, so history keeps pointing at it (unlike PROTECT,
    # deleting the whole organization, its people and their assessments still works); the name
    # and definition it had that day are kept beside it, since a level may later be renamed or
    # redefined.
    level = models.ForeignKey(
        LeadershipLevel,
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="assessments",
    )
    level_name = models.CharField("level as named then", max_length=80, blank=True)
    level_definition = models.CharField("level as defined then", max_length=500, blank=True)

    SIGNALS = ("offered_to_help", "named_neighbours", "wants_to_host", "took_on_role")
    BARRIERS = ("gave_without_return", "bitter_about_help", "wants_self_reliance")

    class Meta:
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.person} on {self.assessed_on}: {self.signal_count} signals"

    @property
    def signal_count(self) -> int:
        return sum(getattr(self, name) for name in self.SIGNALS)

    @property
    def signal_labels(self) -> list[str]:
        return self._labels(self.SIGNALS)

    @property
    def barrier_labels(self) -> list[str]:
        """What makes asking for help hard for them, in the capture form's words."""
        return self._labels(self.BARRIERS)

    @property
    def barriers(self) -> frozenset[str]:
        return frozenset(name for name in self.BARRIERS if getattr(self, name))

    def _labels(self, names: tuple[str, ...]) -> list[str]:
        return [
            capfirst(str(self._meta.get_field(name).verbose_name))
            for name in names
            if getattr(self, name)
        ]
