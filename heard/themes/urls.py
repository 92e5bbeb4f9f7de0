from django.urls import path

from . import views

app_name = "themes"
urlpatterns = [
    path("", views.index, name="index"),
    path("campaign/<int:campaign_pk>/", views.campaign_themes, name="campaign"),
    path("campaign/<int:campaign_pk>/run/", views.run_themes, name="run"),
    path("campaign/<int:campaign_pk>/unclear/", views.unclear, name="unclear"),
    path("campaign/<int:campaign_pk>/move/", views.move, name="move"),
    path("<int:pk>/", views.theme_detail, name="detail"),
    path("<int:pk>/rename/", views.rename, name="rename"),
    path("<int:pk>/pin/", views.pin, name="pin"),
    path("<int:pk>/merge/", views.merge, name="merge"),
    path("<int:pk>/split/", views.split, name="split"),
]
