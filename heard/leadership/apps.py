from django.apps import AppConfig


class LeadershipConfig(AppConfig):
    name = "heard.leadership"
