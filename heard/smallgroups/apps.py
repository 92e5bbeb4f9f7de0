from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SmallGroupsConfig(AppConfig):
    """Small groups with a concern in common and mixed on the rest: reads people, conversations,
    themes, leadership and common ground; none of them reads it."""

    name = "heard.smallgroups"
    verbose_name = _("Small groups")
