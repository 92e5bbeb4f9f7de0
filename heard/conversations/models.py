"""Deep-listening conversations: who took part, what they said, and the next step invited."""

import re
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from heard.campaigns.languages import default_language

# Notes are long by nature, but a 20,000-character answer is a paste accident, not a note.
MAX_TEXT = 20_000


class Venue(models.TextChoices):
    DOOR = "door", _("Door-knock")
    TABLING = "tabling", _("Event tabling")
    ONE_TO_ONE = "one_to_one", _("Scheduled one-to-one")
    SMALL_GROUP = "small_group", _("Small group")
    OTHER = "other", _("Other")


class NextStep(models.TextChoices):
    NONE = "", _("No next step asked")
    HOUSE_MEETING = "house_meeting", _("House meeting")
    TRAINING = "training", _("Training")
    ACTION = "action", _("Action")
    ONE_TO_ONE = "one_to_one", _("One-to-one")
    EVENT = "event", _("Event")


class Response(models.TextChoices):
    NOT_ASKED = "not_asked", _("Not asked")
    YES = "yes", _("Yes")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("No")


class Conversation(models.Model):
    # The capturing device makes the UUID, so a conversation sent twice (a retry on a poor
    # signal, the offline page syncing again) is stored once.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="conversations"
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.PROTECT, related_name="conversations"
    )
    venue = models.CharField(max_length=20, choices=Venue.choices)
    held_on = models.DateField()
    place = models.ForeignKey(
        "people.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="conversations_held"
    )
    people = models.ManyToManyField(
        "people.Person", through="Participant", related_name="conversations"
    )
    next_step = models.CharField(max_length=20, choices=NextStep.choices, blank=True)
    next_step_response = models.CharField(
        max_length=20, choices=Response.choices, default=Response.NOT_ASKED
    )
    # The language it was held in, one of its campaign's (`Campaign.languages`): its answers and
    # quotes are in it, and pages mark them so (lang="es") for readers and screen readers.
    language = models.CharField(max_length=12, default=default_language)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-created_at"]
        indexes = [
            models.Index(fields=["organization", "-held_on"]),
            models.Index(fields=["held_by", "-held_on"]),
            # A campaign's count (its page, its Themes page) from the index alone: 90 ms at
            # 90,000 conversations on SQLite through the organization's index, 3 ms here.
            models.Index(fields=["campaign", "organization"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_venue_display()} on {self.held_on}"


class Participant(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="participations"
    )

    class Meta:
        # The first person named is the one commitments belong to, and quotes and leader signals
        # unless the capture form says who.
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "person"], name="participant_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.conversation}"


class Answer(models.Model):
    """What was heard for one question of the campaign's listening guide."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "campaigns.GuideQuestion", on_delete=models.PROTECT, related_name="answers"
    )
    text = models.TextField(max_length=MAX_TEXT)

    class Meta:
        ordering = ["question__position", "question_id"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "question"], name="answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.text[:60]}"


class Quote(models.Model):
    """A person's own words, shown only as far as their consent allows."""

    class Consent(models.TextChoices):
        TEAM = "team", _("Inside the team")
        PUBLIC = "public", _("Publicly")
        NONE = "none", _("Not to be shared")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="quotes")
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="quotes"
    )
    text = models.TextField(max_length=2000)
    consent = models.CharField(max_length=10, choices=Consent.choices, default=Consent.NONE)
    # The language of their words: the conversation's, unless they said it in another (in a
    # small group of two languages, each says it in their own). Quotes are never translated.
    language = models.CharField(max_length=12, default=default_language)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"“{self.text[:60]}” ({self.get_consent_display()})"


class ConversationChange(models.Model):
    """One correction of a saved conversation: who made it, when, and what changed.

    PRIVACY: `changes` never holds a neighbour's words. For an answer or a quote it says THAT
    the text was added, rewritten, cleared or removed, not what it said before or after: a
    correction is often "I didn't say that", and keeping the old words would keep what the person
    asked us to drop (and an erased person must leave no trace of their words). The date, venue,
    place, next step and a quote's consent are kept with their values before and after.

    Each change is {"field": label, "before": text or None, "after": text or None}, with
    {"did": "rewritten" | "added" | "cleared" | "removed"} instead of values for words.
    """

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField(default=list)

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"Correction of {self.conversation_id} at {self.changed_at:%Y-%m-%d %H:%M}"

    @property
    def lines(self) -> list[str]:
        """Each change as the conversation page says it: "Date: 3 Oct 2026 → 4 Oct 2026",
        "Answer to “What is hard around here?” rewritten"."""
        said = []
        for change in self.changes:
            field = _said(change["field"])
            if change.get("did"):
                said.append(
                    gettext("%(field)s %(did)s") % {"field": field, "did": _said(change["did"])}
                )
            else:
                before = _said(change.get("before")) or "—"
                after = _said(change.get("after")) or "—"
                said.append(f"{field}: {before} → {after}")
        return said


def _said(stored: str | None) -> str:
    """A word of the history in the reader's language. The history is written in English
    (corrections.py), so that a row reads the same whoever wrote it; its fixed words and choice
    labels are msgids, the prompts and names in it stay as typed."""
    if not stored:
        return ""
    if match := re.fullmatch(r"Answer to “(.*)”", stored, re.DOTALL):
        return gettext("Answer to “%(prompt)s”") % {"prompt": match.group(1)}
    if match := re.fullmatch(r"Quote (\d+)'s consent", stored):
        return gettext("Quote %(number)s's consent") % {"number": match.group(1)}
    if match := re.fullmatch(r"Quote (\d+)", stored):
        return gettext("Quote %(number)s") % {"number": match.group(1)}
    return gettext(stored)
