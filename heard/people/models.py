"""Neighbours, their households and places, who knows whom, and what they consented to."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .folding import FOLDED_LENGTH, fold


class Place(models.Model):
    """A neighbourhood, or a turf inside one, that conversations and people belong to."""

    class Kind(models.TextChoices):
        NEIGHBOURHOOD = "neighbourhood", _("Neighbourhood")
        TURF = "turf", _("Turf")

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="places"
    )
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEIGHBOURHOOD)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "organization", Lower("name"), name="place_name_unique_in_organization"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Household(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="households"
    )
    name = models.CharField(max_length=160, help_text=_("e.g. “The Ramírez household”"))
    address = models.CharField(max_length=240, blank=True)
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="households"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        """`bulk_create` skips `Person.save`: the folded name is kept here too, so an import or
        the demo cannot store a person search does not find."""
        objs = list(objs)
        for person in objs:
            person.name_folded = fold(person.name)
        return super().bulk_create(objs, *args, **kwargs)


class Person(models.Model):
    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")
        OTHER = "other", _("Other")

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="people"
    )
    name = models.CharField(max_length=160)
    # The name without accents or case, for search and duplicates (heard/people/folding.py);
    # `save` keeps it, so every service that saves a person keeps it.
    name_folded = models.CharField(max_length=FOLDED_LENGTH, blank=True, editable=False)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    language = models.CharField(max_length=10, choices=Language.choices, default=Language.ENGLISH)
    place = models.ForeignKey(
        Place,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("neighbourhood"),
    )
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("people")
        indexes = [
            models.Index(fields=["organization", "name"]),
            models.Index(fields=["organization", "name_folded"]),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_folded"}
        super().save(*args, **kwargs)

    @property
    def contact(self) -> str:
        return " · ".join(c for c in (self.phone, self.email) if c)


class Relationship(models.Model):
    """Who knows whom: the ties that make a person a bonder inside a group or a bridge between."""

    class Kind(models.TextChoices):
        FAMILY = "family", _("Family")
        NEIGHBOUR = "neighbour", _("Neighbour")
        FRIEND = "friend", _("Friend")
        COWORKER = "coworker", _("Co-worker")
        CONGREGATION = "congregation", _("Same congregation")
        SCHOOL = "school", _("School parents")
        OTHER = "other", _("Other")

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="relationships"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ties_out")
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="ties_in")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = models.CharField(max_length=240, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "other", "kind"], name="relationship_once"),
            models.CheckConstraint(
                condition=~models.Q(person=models.F("other")), name="relationship_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.other} ({self.get_kind_display()})"


class Consent(models.Model):
    """What a person agreed to, kept as history: the newest row per topic is in force."""

    class Topic(models.TextChoices):
        CONTACT = "contact", _("May be contacted again")
        RECORDS = "records", _("Agreed to notes being kept")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    topic = models.CharField(max_length=20, choices=Topic.choices)
    granted = models.BooleanField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at"]
        indexes = [
            # The few who ever said no (consent.refusing starts from them): a theme sweep and
            # the Themes page ask who refuses notes, whatever the organization's size.
            models.Index(
                fields=["topic", "person"],
                condition=models.Q(granted=False),
                name="people_consent_refusals",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_topic_display()} = {self.granted}"


class MergedRecord(models.Model):
    """A record merged into another: its id still leads to the person kept.

    A phone with no signal may hold a conversation naming someone by the id their record had
    when it was saved; an organizer may merge that record into another before it is sent. The
    conversation then goes to the person kept, instead of being refused as "Unknown person"."""

    merged_id = models.BigIntegerField(unique=True)
    into = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="merged_records")
    merged_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"#{self.merged_id} → {self.into_id}"
