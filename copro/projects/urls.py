from django.urls import path

from copro.projects import views, views_advice, views_evidence, views_joining

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("how-the-step-is-worked-out/", views_evidence.method, name="evidence_method"),
    path("advisory-board/", views_advice.board_questions, name="board_questions"),
    path("advisory-board/<int:advice_pk>/", views_advice.board_question, name="board_question"),
    path("<int:pk>/advice/", views_advice.project_advice, name="advice"),
    path("start/", views.project_start, name="start"),
    path("my-requests/", views_joining.my_join_requests, name="my_join_requests"),
    path("<int:pk>/ask-to-join/", views_joining.join_ask, name="join_ask"),
    path("<int:pk>/join-requests/", views_joining.join_requests, name="join_requests"),
    path(
        "<int:pk>/join-requests/<int:request_pk>/accept/",
        views_joining.join_accept,
        name="join_accept",
    ),
    path(
        "<int:pk>/join-requests/<int:request_pk>/decline/",
        views_joining.join_decline,
        name="join_decline",
    ),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/stage/", views.project_stage, name="stage"),
    path("<int:pk>/members/", views.project_members, name="members"),
    path("<int:pk>/members/<int:member_pk>/leave/", views.member_leave, name="member_leave"),
    path("<int:pk>/decisions/new/", views.decision_new, name="decision_new"),
    path("<int:pk>/decisions/<int:decision_pk>/", views.decision_detail, name="decision"),
    path(
        "<int:pk>/decisions/<int:decision_pk>/for-someone/",
        views.decision_on_behalf,
        name="decision_on_behalf",
    ),
    path(
        "<int:pk>/decisions/<int:decision_pk>/close/", views.decision_close, name="decision_close"
    ),
    path("<int:pk>/you-said-we-did/", views.you_said, name="you_said"),
    path(
        "<int:pk>/you-said-we-did/<int:contribution_pk>/answer/",
        views.contribution_respond,
        name="respond",
    ),
    path("<int:pk>/actions/", views.actions, name="actions"),
    path("<int:pk>/actions/<int:action_pk>/status/", views.action_status, name="action_status"),
]
