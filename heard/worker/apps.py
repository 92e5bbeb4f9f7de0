from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "heard.worker"
    verbose_name = "Background worker"
