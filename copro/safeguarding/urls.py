from django.urls import path

from copro.safeguarding import views

app_name = "safeguarding"

urlpatterns = [
    path("worried/", views.concern_raise, name="raise"),
    path("concerns/", views.concern_list, name="concerns"),
    path("concerns/<int:pk>/", views.concern_detail, name="concern"),
    path("concerns/<int:pk>/action/", views.concern_act, name="act"),
]
