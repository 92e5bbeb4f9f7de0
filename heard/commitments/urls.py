from django.urls import path

from . import views

app_name = "commitments"
urlpatterns = [
    path("", views.commitment_list, name="list"),
    path("<id:commitment_pk>/update/", views.commitment_update, name="update"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path("calendar/reset/", views.calendar_reset, name="calendar_reset"),
]
