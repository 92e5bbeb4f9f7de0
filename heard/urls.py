from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter
from django.views.i18n import JavaScriptCatalog

from heard.api.v1 import api
from heard.ids import IdConverter
from heard.reports.views_home import home
from heard.security.views import ForgetfulLogoutView

# Before the includes: every app's urls.py names its ids `<id:pk>` (1..18 digits, heard/ids.py).
register_converter(IdConverter, "id")

urlpatterns = [
    path("", home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", ForgetfulLogoutView.as_view(), name="logout"),
    # The language switch on every page, for visitors signed out too.
    path("language/", include("heard.languages.urls")),
    # Every member changes their own password with Django's own views (an administrator sets a
    # first one on the Members page and asks them to change it).
    path(
        "account/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "account/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("people/", include("heard.people.urls")),
    path("conversations/", include("heard.conversations.urls")),
    path("campaigns/", include("heard.campaigns.urls")),
    path("campaigns/", include("heard.smallgroups.urls")),  # /campaigns/<id>/small-groups/…
    path("campaigns/", include("heard.plans.urls")),  # /campaigns/<id>/plan/, plan.pdf, plan.docx
    path("themes/", include("heard.themes.urls")),
    path("commitments/", include("heard.commitments.urls")),
    path("privacy/", include("heard.privacy.urls")),
    path("account/", include("heard.security.urls")),
    path("members/", include("heard.accounts.urls")),
    path("leaders/", include("heard.leadership.urls")),
    path("reports/", include("heard.reports.urls")),
    path("common-ground/", include("heard.common_ground.urls")),
    path("", include("heard.exchange.urls")),  # /exports/…, /imports/…
    path("spaces/", include("heard.spaces.urls")),
    path("", include("heard.voting.urls")),  # /votes/… for members, /vote/<token>/ public
    path("api/tokens/", include("heard.api.urls")),
    # The JSON API: /api/v1/…, its schema at /api/openapi.json, interactive docs at /api/docs.
    path("api/", api.urls),
    path("", include("heard.offline.urls")),  # /sw.js, /offline/kit.json, /offline/
    # The scripts' words in the reader's language (djangojs catalogues); kept for no signal too.
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
]
