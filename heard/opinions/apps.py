from django.apps import AppConfig


class OpinionsConfig(AppConfig):
    """No models: the app exists so `heard opinions` is found among the management commands."""

    name = "heard.opinions"
    verbose_name = "Opinion groups"
