from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "heard.accounts"
    verbose_name = "Organizations and roles"
