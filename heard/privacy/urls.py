from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("audit/", views.audit_log, name="audit"),
    path("people/<id:pk>/", views.person_rights, name="person"),
    path("people/<id:pk>/export.json", views.person_export, name="export"),
    path("people/<id:pk>/erase/", views.person_erase, name="erase"),
]
