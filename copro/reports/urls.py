from django.urls import path

from copro.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("projects/<int:pk>/", views.project_page, name="project"),
    path("projects/<int:pk>/report.pdf", views.project_pdf, name="project_pdf"),
    path("projects/<int:pk>/figures.csv", views.project_csv, name="project_csv"),
]
