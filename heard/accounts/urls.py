from django.urls import path

from . import views_members as views

app_name = "members"
urlpatterns = [
    path("", views.member_list, name="list"),
    path("new/", views.member_add, name="new"),
    path("sharing/", views.sharing, name="sharing"),
    path("<id:pk>/", views.member_edit, name="edit"),
    path("<id:pk>/active/", views.member_active, name="active"),
    path("<id:pk>/password/", views.member_password, name="password"),
]
