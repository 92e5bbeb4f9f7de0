from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "heard.accounts"
    verbose_name = "Organizations and roles"

    def ready(self):
        from django.contrib import admin

        from .operator import operator_only

        # Every admin view, its login redirect and its index ask this one question; Django's
        # own answer (is_staff) would let any member flagged staff read every organization.
        admin.site.has_permission = operator_only
