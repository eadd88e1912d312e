from django.urls import path

from copro.writing import views

app_name = "writing"

urlpatterns = [
    path("", views.check_writing, name="check"),
]
