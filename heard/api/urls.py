from django.urls import path

from . import views_tokens as views

app_name = "api_tokens"
urlpatterns = [
    path("", views.token_list, name="list"),
    path("new/", views.token_new, name="new"),
    path("<id:pk>/revoke/", views.token_revoke, name="revoke"),
]
