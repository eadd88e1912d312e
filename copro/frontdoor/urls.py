from django.urls import path

from copro.frontdoor import views, views_meetings

app_name = "frontdoor"

urlpatterns = [
    path("contact/", views.contact, name="contact"),
    path("get-involved/", views.get_involved, name="get_involved"),
    path("get-involved/sent/", views.get_involved_sent, name="get_involved_sent"),
    path("get-involved/requests/", views.queue, name="queue"),
    path("get-involved/requests/<int:pk>/", views.request_detail, name="request"),
    path("get-involved/requests/<int:pk>/call/", views.request_call, name="request_call"),
    path("get-involved/requests/<int:pk>/invite/", views.request_invite, name="request_invite"),
    path("get-involved/requests/<int:pk>/record/", views.request_record, name="request_record"),
    path("get-involved/requests/<int:pk>/decline/", views.request_decline, name="request_decline"),
    path("people/new-without-email/", views.person_new, name="person_new"),
    path("welcome/skip/", views.welcome_skip, name="welcome_skip"),
    path(
        "meetings/projects/<int:pk>/<int:meeting_pk>/call-list/",
        views_meetings.call_list,
        name="call_list",
    ),
    path(
        "meetings/projects/<int:pk>/<int:meeting_pk>/paper-pack/",
        views_meetings.paper_pack,
        name="paper_pack",
    ),
]
