from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemesConfig(AppConfig):
    name = "heard.themes"
    verbose_name = _("Themes (sensemaking)")

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the receivers
