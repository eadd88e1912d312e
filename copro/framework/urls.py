from django.urls import path

from copro.framework import views

app_name = "framework"

urlpatterns = [
    path("", views.learn, name="learn"),
    path("glossary/", views.glossary, name="glossary"),
    path("about/", views.about, name="about"),
    path("easy-read/", views.easy_read_list, name="easy_read_list"),
    path("easy-read/<slug:slug>/", views.easy_read_page, name="easy_read"),
    path("<slug:slug>/", views.page, name="page"),
]
