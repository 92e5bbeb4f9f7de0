"""Heard among the tools organizers already use: exports of people, conversations,
commitments and events as CSV and as OSDI-shaped JSON, scoped to what the member may see.
Sits on top of the capture apps and themes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "heard.exchange"
    verbose_name = _("Import and export")
