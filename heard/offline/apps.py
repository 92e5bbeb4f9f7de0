from django.apps import AppConfig


class OfflineConfig(AppConfig):
    name = "heard.offline"
    verbose_name = "Capture with no signal"
