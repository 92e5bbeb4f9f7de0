from django.urls import path

from . import views, views_sync

app_name = "conversations"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("new/", views.conversation_new, name="new"),
    # The offline outbox sends here what the capture form would post (views_sync.py).
    path("sync/", views_sync.sync, name="sync"),
    path("<uuid:pk>/", views.conversation_detail, name="detail"),
    path("<uuid:pk>/correct/", views.conversation_correct, name="correct"),
]
