from django.apps import AppConfig


class SmallGroupsConfig(AppConfig):
    """Small groups with a concern in common and mixed on the rest: reads people, conversations,
    themes, leadership and common ground; none of them reads it."""

    name = "heard.smallgroups"
    verbose_name = "Small groups"
