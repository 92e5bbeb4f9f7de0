from django.urls import path

from . import views

app_name = "conversations"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("new/", views.conversation_new, name="new"),
    path("<uuid:pk>/", views.conversation_detail, name="detail"),
    path("<uuid:pk>/correct/", views.conversation_correct, name="correct"),
]
