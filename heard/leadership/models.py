"""Leader signals and kindliness, recorded as history: each assessment is a new row."""

from django.conf import settings
from django.db import models


class Kindliness(models.TextChoices):
    """The four orientations to kindness from JRF's report, as organizers notice them."""

    UNKNOWN = "", "Not noticed"
    TRADITIONAL = "traditional", "Traditional"
    ACTIVIST = "activist", "Activist"
    RESCUER = "rescuer", "Rescuer"
    EMPATHIC = "empathic", "Empathic"


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
    offered_to_help = models.BooleanField("offered to help", default=False)
    named_neighbours = models.BooleanField("named neighbours to talk to", default=False)
    wants_to_host = models.BooleanField("wants to host", default=False)
    took_on_role = models.BooleanField("took on a role", default=False)
    kindliness = models.CharField(max_length=20, choices=Kindliness.choices, blank=True)
    # Why the organizer judged so (what they saw): an assessment is a judgement with a history,
    # and the person's path reads better with the reason beside each step.
    note = models.CharField("why", max_length=1000, blank=True)

    SIGNALS = ("offered_to_help", "named_neighbours", "wants_to_host", "took_on_role")

    class Meta:
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.person} on {self.assessed_on}: {self.signal_count} signals"

    @property
    def signal_count(self) -> int:
        return sum(getattr(self, name) for name in self.SIGNALS)

    @property
    def signal_labels(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name).capitalize()
            for name in self.SIGNALS
            if getattr(self, name)
        ]
