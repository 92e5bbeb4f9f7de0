from django.urls import path

from . import views

app_name = "voting"
urlpatterns = [
    path("votes/", views.poll_list, name="list"),
    path("votes/new/", views.poll_new, name="new"),
    path("votes/<id:pk>/", views.poll_detail, name="poll"),
    path("votes/<id:pk>/open/", views.poll_open, name="open"),
    path("votes/<id:pk>/from-themes/", views.from_themes, name="from_themes"),
    path("votes/<id:pk>/paper/", views.paper_sheet, name="paper"),
    path("votes/<id:pk>/results/", views.results, name="results"),
    path("votes/<id:pk>/read-aloud/", views.read_aloud, name="read_aloud"),
    path("votes/statements/<id:pk>/", views.statement_change, name="statement"),
    # The public ballot: the token is the capability (whoever holds the link may vote).
    path("vote/<slug:token>/", views.vote, name="vote"),
]
