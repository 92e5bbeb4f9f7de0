from django.urls import path

from . import views

# Mounted under /campaigns/ after the campaigns app's own patterns (heard/urls.py).
app_name = "smallgroups"
urlpatterns = [
    path("<id:campaign_pk>/small-groups/", views.index, name="index"),
    path("<id:campaign_pk>/small-groups/friends/", views.friend_add, name="friend_add"),
    path(
        "<id:campaign_pk>/small-groups/friends/<id:pk>/remove/",
        views.friend_remove,
        name="friend_remove",
    ),
    path("<id:campaign_pk>/small-groups/<id:pk>/", views.plan, name="plan"),
    path("<id:campaign_pk>/small-groups/<id:pk>/solve/", views.resolve, name="resolve"),
    path("<id:campaign_pk>/small-groups/<id:pk>/locks/", views.lock_add, name="lock_add"),
    path(
        "<id:campaign_pk>/small-groups/<id:pk>/locks/<id:lock_pk>/remove/",
        views.lock_remove,
        name="lock_remove",
    ),
    path(
        "<id:campaign_pk>/small-groups/<id:pk>/invitations/",
        views.invitations,
        name="invitations",
    ),
]
