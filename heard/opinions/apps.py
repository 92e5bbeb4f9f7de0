from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpinionsConfig(AppConfig):
    """No models: the app exists so `heard opinions` is found among the management commands."""

    name = "heard.opinions"
    verbose_name = _("Opinion groups")
