from django.urls import path

from . import views

app_name = "common_ground"
urlpatterns = [
    path("", views.index, name="index"),
    path("campaign/<id:campaign_pk>/", views.campaign, name="campaign"),
    path("campaign/<id:campaign_pk>/kindliness/", views.kindliness, name="kindliness"),
    path("divides/", views.divide_list, name="divides"),
    path("divides/<id:pk>/", views.divide_change, name="divide"),
    path("divides/<id:pk>/remove/", views.divide_remove, name="remove_divide"),
    path("people/<id:pk>/sides/", views.person_sides, name="person_sides"),
]
