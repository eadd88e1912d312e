from django.urls import path

from copro.learning import views

app_name = "learning"

urlpatterns = [
    path("", views.learning_home, name="home"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("sessions/<int:pk>/book/", views.session_book, name="book"),
    path("sessions/<int:pk>/cancel/", views.session_cancel, name="cancel"),
    path("sessions/<int:pk>/manage/", views.session_manage, name="manage"),
    path("toolkit/", views.toolkit, name="toolkit"),
    path("quiz/", views.quiz, name="quiz"),
    path("quiz/attempts/<int:pk>/", views.attempt_detail, name="attempt"),
]
