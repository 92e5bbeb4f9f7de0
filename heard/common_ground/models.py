"""The divides an organization names (renters and owners, long-time residents and newcomers…),
their sides, and which side a person is on.

Neighbourhood, language and kindliness orientation are divides from the start without a row
here (`divides.BUILT_IN`): they are read from the person's place, language and latest
assessment.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower


class Divide(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="divides"
    )
    name = models.CharField(max_length=80, help_text="e.g. “Renters and owners”")
    description = models.CharField(
        max_length=300, blank=True, help_text="Why this divide matters here (optional)."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                "organization", Lower("name"), name="divide_name_unique_in_organization"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Side(models.Model):
    divide = models.ForeignKey(Divide, on_delete=models.CASCADE, related_name="sides")
    name = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint("divide", Lower("name"), name="side_name_unique_in_divide")
        ]

    def __str__(self) -> str:
        return self.name


class PersonSide(models.Model):
    """The side a person is on, for one divide (at most one: the newest answer replaces it)."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="sides")
    divide = models.ForeignKey(Divide, on_delete=models.CASCADE, related_name="+")
    # RESTRICT: a side people are on is not deleted from under them (the divides page says so),
    # yet removing the whole divide or organization, which takes these rows too, still works.
    side = models.ForeignKey(Side, on_delete=models.RESTRICT, related_name="people_on_it")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "divide"], name="one_side_per_divide")
        ]
        indexes = [models.Index(fields=["divide", "side"])]

    def __str__(self) -> str:
        return f"{self.person}: {self.side}"


class TieScores(models.Model):
    """The betweenness of everyone in the organization's tie graph, for the ties as they were
    (`digest`). Small graphs are scored as a page asks; large ones by the worker (`tasks.py`),
    since exact shortest paths through 20,000 people take longer than a page may."""

    organization = models.OneToOneField(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(max_length=64)
    scores = models.JSONField(default=dict)  # person id (as text) → betweenness
    # The ties the worker was asked to score, so that a page asks once, not on every view.
    pending_digest = models.CharField(max_length=64, blank=True)
    computed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"tie scores of organization {self.organization_id}"
