from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    """Third spaces and hubs of helping: where neighbours run into each other. Its models,
    queries and services read only accounts and people (capture writes through them); what
    reads themes and conversations (`report.py`, `mentions.py`) sits on top, for its views."""

    name = "heard.spaces"
    verbose_name = _("Third spaces")
