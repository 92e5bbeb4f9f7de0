from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("search.json", views.person_search, name="search"),
    path("<id:pk>/", views.person_detail, name="detail"),
    path("<id:pk>/consent/", views.person_consent, name="consent"),
]
