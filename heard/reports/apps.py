from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Reports sit on top of the other apps: they read every app, and no app reads them."""

    name = "heard.reports"
