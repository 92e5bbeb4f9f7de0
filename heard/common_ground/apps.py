from django.apps import AppConfig


class CommonGroundConfig(AppConfig):
    """Divides an organization names, and what is shared across them. It reads people,
    conversations, leadership and themes; none of them reads it."""

    name = "heard.common_ground"
    verbose_name = "Common ground"
