"""Polls of short statements that neighbours vote on, and their anonymous votes.

PRIVACY: a voter is anonymous. A phone is known by a random device id kept in a signed cookie
(stored here as its SHA-256, so the table cannot be used to forge a cookie); no IP address, no
user agent, no name is stored. A paper sheet is one anonymous voter too: only who recorded it is
kept, never who filled it in.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

#: Polis keeps statements short enough to read on a phone in one go.
STATEMENT_MAX_CHARS = 140


def new_poll_token() -> str:
    """The poll's link: 32 random URL-safe characters (192 bits), so nobody guesses a poll."""
    return secrets.token_urlsafe(24)


class Poll(models.Model):
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="polls"
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    event = models.ForeignKey(
        "campaigns.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=120, help_text="What voters see at the top of the page.")
    is_open = models.BooleanField(default=False)
    token = models.CharField(max_length=64, unique=True, default=new_poll_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Statement(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="statements")
    text = models.CharField(max_length=STATEMENT_MAX_CHARS)
    position = models.PositiveIntegerField(default=0)
    # Where it came from, when it came from the campaign's themes or a neighbour's own words.
    source_theme = models.ForeignKey(
        "themes.Theme", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # CASCADE: a statement made of a neighbour's quote goes with the quote (an erasure, a
    # correction that removes it), so their words never outlive their consent.
    source_quote = models.ForeignKey(
        "conversations.Quote", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    moderated_out = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint("poll", Lower("text"), name="statement_text_unique_in_poll")
        ]

    def __str__(self) -> str:
        return self.text


class Voter(models.Model):
    """One phone (by its device id) or one paper sheet."""

    class Kind(models.TextChoices):
        DEVICE = "device", _("Phone")
        PAPER = "paper", _("Paper sheet")

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="voters")
    kind = models.CharField(max_length=6, choices=Kind.choices, default=Kind.DEVICE)
    device = models.CharField(max_length=64, blank=True)  # SHA-256 of the cookie's id; "" on paper
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "device"],
                condition=~models.Q(device=""),
                name="one_voter_per_device_and_poll",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} voter #{self.pk}"


class Vote(models.Model):
    class Choice(models.IntegerChoices):
        # Polis's openData signs: 1 agree, -1 disagree, 0 pass.
        AGREE = 1, _("Agree")
        DISAGREE = -1, _("Disagree")
        PASS = 0, _("Pass / unsure")

    voter = models.ForeignKey(Voter, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    choice = models.SmallIntegerField(choices=Choice.choices)
    voted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["voter", "statement"], name="one_vote_per_statement"),
            models.CheckConstraint(condition=models.Q(choice__in=[-1, 0, 1]), name="vote_choice"),
        ]

    def __str__(self) -> str:
        return f"{self.get_choice_display()} on {self.statement_id}"
