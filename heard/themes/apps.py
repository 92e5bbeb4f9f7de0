from django.apps import AppConfig


class ThemesConfig(AppConfig):
    name = "heard.themes"
    verbose_name = "Themes (sensemaking)"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the receivers
