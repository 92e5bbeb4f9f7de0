from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "heard.security"
    verbose_name = "Sign-in security"
