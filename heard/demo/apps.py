from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "heard.demo"
    verbose_name = "Demo organization"
