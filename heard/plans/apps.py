from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "heard.plans"
