from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "heard.conversations"
