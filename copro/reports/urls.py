from django.urls import path

from copro.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("dashboard.csv", views.dashboard_csv, name="dashboard_csv"),
    path("open-data.csv", views.open_data, name="open_data"),
    path("schedules/", views.schedule_list, name="schedules"),
    path("schedules/new/", views.schedule_new, name="schedule_new"),
    path("schedules/<int:pk>/", views.schedule_detail, name="schedule"),
    path("schedules/<int:pk>/change/", views.schedule_edit, name="schedule_edit"),
    path("schedules/<int:pk>/stop/", views.schedule_stop, name="schedule_stop"),
    path("projects/<int:pk>/", views.project_page, name="project"),
    path("projects/<int:pk>/report.pdf", views.project_pdf, name="project_pdf"),
    path("projects/<int:pk>/figures.csv", views.project_csv, name="project_csv"),
]
