from django.urls import path

from . import views

app_name = "offline"
urlpatterns = [
    # At the site's root, so the service worker may control every page (its scope is its folder).
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/kit.json", views.kit, name="kit"),
    path("offline/", views.no_signal, name="page"),
]
