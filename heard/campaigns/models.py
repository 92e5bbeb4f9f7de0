"""Listening campaigns, their conversation guides, and the trainings and events people join."""

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils import dateformat, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .languages import default_languages, known

#: How long before its start a campaign's conversations may be dated: organizers often listen
#: for months before a campaign gets its name. Further back is a typo (0001-01-01, 1925), and
#: one such date once stretched the Themes page's month charts over two thousand years.
LISTENING_BEFORE_START = dt.timedelta(days=365)
#: Nothing in Heard is dated before this: the floor for every date typed (a conversation, a
#: campaign, an event), and for a campaign whose own start date is a typo.
EARLIEST_DATE = EARLIEST_CONVERSATION_DATE = dt.date(2000, 1, 1)
#: How far ahead anything may be planned (a campaign's end, an event). Further is a typo, and
#: year 9999 cannot even be converted to UTC: saving it was a 500.
PLANNING_YEARS = 5


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def latest_plannable_date() -> dt.date:
    return years_after(timezone.localdate(), PLANNING_YEARS)


def date_out_of_bounds(
    day: dt.date, *, earliest: dt.date = EARLIEST_DATE, latest: dt.date | None = None
) -> str | None:
    """What is wrong with a date typed into Heard, or None: the one check every form and
    service uses. By default from 2000-01-01 to five years from today; callers narrow it (a
    commitment is due after its conversation, a conversation is never in the future)."""
    latest = latest_plannable_date() if latest is None else latest
    if day < earliest:
        return gettext("Pick a date on or after %(day)s.") % {"day": _day(earliest)}
    if day > latest:
        return gettext("Pick a date on or before %(day)s.") % {"day": _day(latest)}
    return None


def _day(day: dt.date) -> str:
    # The order of day, month and year is the language's (Spanish: "3 de diciembre de 2026").
    return dateformat.format(day, gettext("j F Y"))


class Campaign(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="campaigns"
    )
    name = models.CharField(max_length=160)
    description = models.TextField(blank=True, max_length=4000)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    # The languages its guide is written in and conversations are held in, as codes of
    # `languages.languages()`; the first is the guide's main language, in which every question
    # is written (GuideQuestion.prompt); the others may lack a question (QuestionWording).
    languages = models.JSONField(default=default_languages)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_active", "-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="campaign_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def earliest_conversation_date(self) -> dt.date:
        """The earliest date one of its conversations may carry: a year before the campaign
        starts, and never before the year 2000."""
        if self.starts_on is None:
            return EARLIEST_CONVERSATION_DATE
        # max() before subtracting: a start typed as year 1 must not overflow the date.
        floor = EARLIEST_CONVERSATION_DATE + LISTENING_BEFORE_START
        return max(self.starts_on, floor) - LISTENING_BEFORE_START

    @property
    def main_language(self) -> str:
        return self.languages[0] if self.languages else default_languages()[0]

    def listens_in(self, language: str) -> bool:
        return language in (self.languages or [self.main_language])

    def language_for(self, preferred: str | None) -> str:
        """The language a conversation of this campaign is held in unless the volunteer says
        otherwise: the member's own (`preferred`, e.g. their interface language) when the
        campaign listens in it, else the guide's main language."""
        code = known(preferred or "")
        return code if code and self.listens_in(code) else self.main_language


class Purpose(models.TextChoices):
    """What a guide question listens for; sensemaking reads answers by purpose."""

    PROBLEM = "problem", _("The problem they raised")
    ISSUES = "issues", _("Issues they care about")
    WHY = "why", _("Why they care (story, values)")
    HOPE = "hope", _("What they hope for")
    COMMON_GROUND = "common_ground", _("Common ground found")
    NOTES = "notes", _("Free notes")
    OTHER = "other", _("Other")


@dataclass(frozen=True)
class Wording:
    """A guide question as read in one language (`GuideQuestion.in_language`): each text with
    the language it is actually in, the main language's where the asked one was not written."""

    language: str
    prompt: str
    prompt_language: str
    help_text: str
    help_language: str

    @property
    def fell_back(self) -> bool:
        return self.prompt_language != self.language


class GuideQuestion(models.Model):
    """One question of a campaign's listening guide, in the order it is asked."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    prompt = models.CharField(max_length=300)
    help_text = models.CharField(max_length=500, blank=True)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.OTHER)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.prompt

    def in_language(self, language: str) -> Wording:
        """The question as a volunteer holding the conversation in `language` reads it: its
        text and help in that language, each falling back to the main language's when not
        written (the Wording says which language each is in). Reads `wordings` (prefetch it)."""
        main = self.campaign.main_language
        own = next((w for w in self.wordings.all() if w.language == language), None)
        if language == main or own is None:
            return Wording(language, self.prompt, main, self.help_text, main)
        help_text, help_language = (own.help_text, language) if own.help_text else (
            self.help_text, main)  # fmt: skip
        return Wording(language, own.prompt, language, help_text, help_language)

    def all_wordings(self) -> dict[str, Wording]:
        """The question in each of its campaign's languages, main language first."""
        return {code: self.in_language(code) for code in self.campaign.languages}


class QuestionWording(models.Model):
    """A guide question's text and help in one of its campaign's languages other than the main
    one (whose text is the question's own `prompt` and `help_text`)."""

    question = models.ForeignKey(GuideQuestion, on_delete=models.CASCADE, related_name="wordings")
    language = models.CharField(max_length=12)
    prompt = models.CharField(max_length=300)
    help_text = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "language"], name="question_wording_once_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.prompt} ({self.language})"


class Event(models.Model):
    """A training, house meeting, action or other gathering people are invited to."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("Training")
        HOUSE_MEETING = "house_meeting", _("House meeting")
        ACTION = "action", _("Action")
        MEETING = "meeting", _("Community meeting")
        OTHER = "other", _("Other event")

    class Focus(models.TextChoices):
        """What the gathering is for, as a neighbour would see it. JRF's advice is to "make
        kindness palatable": some who would never come to something offered as help come to a
        meal or a game, and say what they need there. The kindliness lens compares who each
        reaches."""

        ORGANIZING = "organizing", _("Organizing (training, meeting, action)")
        HELP = "help", _("Help-focused (food bank, advice, repairs)")
        SOCIAL = "social", _("Not about help (a meal, a game, a craft)")

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="events"
    )
    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TRAINING)
    focus = models.CharField(
        "what it is for",
        max_length=20,
        choices=Focus.choices,
        default=Focus.ORGANIZING,
        help_text="Some who never come to what is offered as help come to a meal or a game: "
        "the kindliness lens shows who each reaches.",
    )
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    location = models.CharField(max_length=240, blank=True)
    description = models.TextField(blank=True, max_length=4000)
    capacity = models.PositiveIntegerField(null=True, blank=True)
    # A third space that hosts it (the laundromat, the church hall), when it is held at one.
    space = models.ForeignKey(
        "spaces.ThirdSpace",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name="held at (a place from the registry)",
    )

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def focus_tag(self) -> str:
        """The focus in two words for lists; organizing is what most events are, so it has none."""
        return {self.Focus.HELP: _("Help-focused"), self.Focus.SOCIAL: _("Not about help")}.get(
            self.focus, ""
        )

    @property
    def spots_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.signups.count(), 0)


class SignUp(models.Model):
    class Status(models.TextChoices):
        SIGNED_UP = "signed_up", _("Signed up")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("Did not come")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="signups")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="signups")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SIGNED_UP)
    # Who brought them (optional): bringing neighbours is a leader's work, and the leaders page
    # counts it. SET_NULL: the sign-up stays when the one who brought them is erased.
    brought_by = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="brought_signups",
        verbose_name="brought by",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="signup_once_per_event")
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.event} ({self.get_status_display()})"
