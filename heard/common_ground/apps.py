from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonGroundConfig(AppConfig):
    """Divides an organization names, and what is shared across them. It reads people,
    conversations, leadership and themes; none of them reads it."""

    name = "heard.common_ground"
    verbose_name = _("Common ground")
