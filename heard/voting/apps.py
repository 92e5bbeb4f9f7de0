from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotingConfig(AppConfig):
    """Statement voting, as Polis does it, inside organizing: organizers write short statements,
    neighbours vote agree / disagree / pass on a phone without an account, or on a paper sheet a
    member records, and the opinion groups and common ground come from heard.opinions.maths. It
    reads campaigns, themes and conversations' quotes; none of them reads it."""

    name = "heard.voting"
    verbose_name = _("Statement voting")
