from django.urls import path

from copro.framework import views

app_name = "framework"

urlpatterns = [
    path("", views.learn, name="learn"),
    path("glossary/", views.glossary, name="glossary"),
    path("about/", views.about, name="about"),
    path("<slug:slug>/", views.page, name="page"),
]
