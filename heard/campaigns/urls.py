from django.urls import path

from . import views

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("new/", views.campaign_edit, name="new"),
    path("<id:pk>/", views.campaign_detail, name="detail"),
    path("<id:pk>/edit/", views.campaign_edit, name="edit"),
    path("events/", views.event_list, name="events"),
    path("events/new/", views.event_edit, name="event_new"),
    path("events/<id:pk>/", views.event_detail, name="event"),
    path("events/<id:pk>/edit/", views.event_edit, name="event_edit"),
    path("events/<id:pk>/signups/<id:signup_pk>/", views.signup_status, name="signup_status"),
]
