from django.urls import path

from . import views

app_name = "spaces"
urlpatterns = [
    path("", views.space_list, name="list"),
    path("new/", views.space_edit, name="new"),
    path("found/", views.add_found, name="found"),
    path("<id:pk>/", views.space_detail, name="detail"),
    path("<id:pk>/edit/", views.space_edit, name="edit"),
    path("<id:pk>/remove/", views.space_remove, name="remove"),
    path("<id:pk>/small-group/", views.small_group, name="small_group"),
    path("<id:pk>/regulars/", views.regular_add, name="regular_add"),
    path(
        "<id:pk>/regulars/<id:regular_pk>/remove/",
        views.regular_remove,
        name="regular_remove",
    ),
]
