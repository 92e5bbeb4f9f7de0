from django.urls import path

from . import views

app_name = "leadership"
urlpatterns = [
    path("", views.leader_list, name="list"),
    path("scale/", views.scale, name="scale"),
    path("<id:pk>/assess/", views.assess, name="assess"),
]
