from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    name = "heard.commitments"
