from django.urls import path

from . import views

urlpatterns = [path("", views.switch_language, name="set_language")]
