from django.urls import path

from . import views

# Included under "campaigns/" after heard.campaigns.urls: none of these paths is one of its own.
app_name = "plans"
urlpatterns = [
    path("<id:pk>/plan/", views.plan_detail, name="detail"),
    path("<id:pk>/plan.pdf", views.plan_pdf, name="pdf"),
    path("<id:pk>/plan.docx", views.plan_docx, name="docx"),
    path("<id:pk>/plan/themes/", views.choose_themes, name="choose"),
    path("plan/themes/<id:pk>/notes/", views.theme_notes, name="notes"),
    path("plan/themes/<id:pk>/actions/new/", views.action_add, name="action_add"),
    path("plan/actions/<id:pk>/", views.action_edit, name="action_edit"),
    path("plan/actions/<id:pk>/status/", views.action_status, name="action_status"),
    path("plan/actions/<id:pk>/remove/", views.action_remove, name="action_remove"),
]
