from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "heard.languages"
    verbose_name = "Languages"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the login receiver
