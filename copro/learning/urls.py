from django.urls import path

from copro.learning import views, views_growth, views_running

app_name = "learning"

urlpatterns = [
    path("", views.learning_home, name="home"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("sessions/<int:pk>/book/", views.session_book, name="book"),
    path("sessions/<int:pk>/cancel/", views.session_cancel, name="cancel"),
    path("sessions/<int:pk>/manage/", views.session_manage, name="manage"),
    path("sessions/<int:pk>/training.ics", views.session_ics, name="session_ics"),
    path("sessions/running/", views.sessions_run, name="sessions_run"),
    path("sessions/new/", views_running.session_new, name="session_new"),
    path("sessions/<int:pk>/change/", views_running.session_edit, name="session_edit"),
    path("sessions/<int:pk>/call-off/", views_running.session_call_off, name="session_call_off"),
    path("sessions/<int:pk>/walk-in/", views_running.walk_in, name="walk_in"),
    path("toolkit/manage/", views_running.toolkit_manage, name="toolkit_manage"),
    path("toolkit/manage/new/", views_running.toolkit_new, name="toolkit_new"),
    path("toolkit/manage/<int:pk>/", views_running.toolkit_edit, name="toolkit_edit"),
    path("toolkit/manage/<int:pk>/retire/", views_running.toolkit_retire, name="toolkit_retire"),
    path("toolkit/", views.toolkit, name="toolkit"),
    path("quiz/", views.quiz, name="quiz"),
    path("quiz/attempts/<int:pk>/", views.attempt_detail, name="attempt"),
    path("quiz/staircase/", views_growth.ordering, name="ordering"),
    path("quiz/staircase/<int:pk>/", views_growth.ordering_attempt, name="ordering_attempt"),
    path("tips/", views_growth.tips, name="tips"),
    path("tips/check-in/", views_growth.tips_new, name="tips_new"),
    path("tips/<int:pk>/", views_growth.tip_check_in, name="tip_check_in"),
    path("values-and-skills/", views_growth.recipe, name="recipe"),
    path("values-and-skills/check-in/", views_growth.recipe_new, name="recipe_new"),
    path("values-and-skills/<int:pk>/", views_growth.recipe_check_in, name="recipe_check_in"),
    path("journal/", views_growth.journal, name="journal"),
    path("journal/new/", views_growth.journal_new, name="journal_new"),
    path("journal/<int:pk>/", views_growth.journal_entry, name="journal_entry"),
    path("journal/<int:pk>/delete/", views_growth.journal_entry_delete, name="journal_delete"),
]
