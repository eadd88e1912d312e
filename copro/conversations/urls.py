from django.urls import path

from copro.conversations import views, views_moderation, views_polls

app_name = "conversations"

urlpatterns = [
    path("code-of-conduct/", views_moderation.code_of_conduct, name="code_of_conduct"),
    path("project/<int:pk>/", views.project_threads, name="project"),
    path("<int:pk>/", views.thread_detail, name="thread"),
    path("<int:pk>/for-someone/", views.thread_on_behalf, name="on_behalf"),
    path("<int:pk>/close/", views.thread_close, name="close"),
    path("<int:pk>/to-idea/", views.thread_forward, {"to": "idea"}, name="to_idea"),
    path("<int:pk>/to-decision/", views.thread_forward, {"to": "decision"}, name="to_decision"),
    path("<int:pk>/posts/<int:post_pk>/file/", views.attachment, name="attachment"),
    path("<int:pk>/posts/<int:post_pk>/change/", views_moderation.post_edit, name="post_edit"),
    path("<int:pk>/posts/<int:post_pk>/delete/", views_moderation.post_delete, name="post_delete"),
    path("<int:pk>/posts/<int:post_pk>/report/", views_moderation.post_report, name="post_report"),
    path("<int:pk>/posts/<int:post_pk>/hide/", views_moderation.post_hide, name="post_hide"),
    path(
        "<int:pk>/posts/<int:post_pk>/put-back/", views_moderation.post_restore, name="post_restore"
    ),
    path("moderation/reports/", views_moderation.reports, name="reports"),
    path("moderation/log/", views_moderation.moderation_log, name="moderation_log"),
    path("polls/project/<int:pk>/", views_polls.project_polls, name="polls"),
    path("polls/<int:pk>/", views_polls.poll_detail, name="poll"),
    path("polls/<int:pk>/close/", views_polls.poll_close, name="poll_close"),
    path("polls/<int:pk>/plan-meeting/", views_polls.poll_schedule, name="poll_schedule"),
]
