"""Heard among the tools organizers already use: exports of people, conversations,
commitments and events as CSV and as OSDI-shaped JSON, scoped to what the member may see.
Sits on top of the capture apps and themes."""

from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "heard.exchange"
    verbose_name = "Import and export"
