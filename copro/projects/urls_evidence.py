"""The evidence pages of one project, included under /projects/<int:pk>/ (namespace "evidence")."""

from django.urls import path

from copro.projects import views_evidence

app_name = "evidence"

urlpatterns = [
    path("evidence/", views_evidence.evidence_page, name="page"),
    path("self-assessment/", views_evidence.self_assessment, name="self_assessment"),
]
