from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "heard.privacy"
    verbose_name = "Privacy and audit"
