"""A person's rights and the organization's record of who did what: the audit log, and exporting
or erasing everything Heard holds about one neighbour. Sits on top of the other apps."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "heard.privacy"
    verbose_name = _("Privacy and audit")

    def ready(self) -> None:
        from .receivers import connect_receivers

        connect_receivers()
