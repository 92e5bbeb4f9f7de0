from django.urls import path

from . import views, views_merge, views_ties

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("search.json", views.person_search, name="search"),
    path("turf.json", views.people_turf, name="turf"),
    path("<id:pk>/", views.person_detail, name="detail"),
    path("<id:pk>/consent/", views.person_consent, name="consent"),
    path("<id:pk>/ties/", views_ties.ties, name="ties"),
    path("<id:pk>/ties/<id:tie_pk>/end/", views_ties.end, name="end_tie"),
    path("<id:pk>/merge/<id:other_pk>/", views_merge.merge, name="merge"),
]
