from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("ladder/", views.ladder, name="ladder"),
]
