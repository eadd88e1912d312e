"""Equality monitoring, mounted at /account/equality/ (namespace "equality")."""

from django.urls import path

from copro.people import views_equality

app_name = "equality"

urlpatterns = [
    path("", views_equality.start, name="start"),
    path("questions/", views_equality.questions, name="questions"),
    path("your-answers/", views_equality.your_answers, name="answers"),
    path("withdraw/", views_equality.withdraw, name="withdraw"),
    path("withdrawn/", views_equality.withdrawn, name="withdrawn"),
    path("inclusion/", views_equality.inclusion, name="inclusion"),
    path("inclusion/download/", views_equality.inclusion_download, name="inclusion_download"),
    path("reference/", views_equality.reference_population, name="reference"),
]
