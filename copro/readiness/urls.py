from django.urls import path

from copro.readiness import views

app_name = "readiness"

urlpatterns = [
    path("", views.readiness_home, name="home"),
    path("steps/<int:pk>/", views.step_detail, name="step"),
    path("audits/", views.round_list, name="rounds"),
    path("audits/new/", views.round_new, name="round_new"),
    path("audits/<int:pk>/", views.round_detail, name="round"),
    path("audits/<int:pk>/score/", views.round_score, name="score"),
    path("audits/<int:pk>/people/", views.round_people, name="people"),
    path("audits/<int:pk>/actions/", views.round_actions, name="actions"),
    path("audits/<int:pk>/close/", views.round_close, name="close"),
    path("audits/<int:pk>/publish/", views.round_publish, name="publish"),
]
