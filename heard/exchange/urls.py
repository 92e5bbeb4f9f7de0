from django.urls import path

from . import views, views_imports

app_name = "exchange"
urlpatterns = [
    path("exports/", views.index, name="index"),
    path("exports/<slug:kind>.<slug:fmt>", views.download, name="download"),
    path("imports/", views_imports.import_list, name="imports"),
    path("imports/<id:pk>/", views_imports.import_detail, name="import"),
    path("imports/<id:pk>/apply/", views_imports.import_apply, name="import_apply"),
    path("imports/<id:pk>/discard/", views_imports.import_discard, name="import_discard"),
]
