from django.urls import path

from . import views

app_name = "themes"
urlpatterns = [
    path("", views.index, name="index"),
    path("campaign/<id:campaign_pk>/", views.campaign_themes, name="campaign"),
    path("campaign/<id:campaign_pk>/run/", views.run_themes, name="run"),
    path("campaign/<id:campaign_pk>/unclear/", views.unclear, name="unclear"),
    path("campaign/<id:campaign_pk>/move/", views.move, name="move"),
    path("<id:pk>/", views.theme_detail, name="detail"),
    path("<id:pk>/rename/", views.rename, name="rename"),
    path("<id:pk>/pin/", views.pin, name="pin"),
    path("<id:pk>/merge/", views.merge, name="merge"),
    path("<id:pk>/split/", views.split, name="split"),
]
