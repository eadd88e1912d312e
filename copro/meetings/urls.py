from django.urls import path

from copro.meetings import (
    views,
    views_calendar,
    views_papers,
    views_people,
    views_schedule,
    views_venues,
)

app_name = "meetings"

# A meeting's own pages, the same for a project's meetings and a group's: (route, view, name).
MEETING_PAGES = [
    ("", views.meeting_detail, "detail"),
    ("change/", views.meeting_change, "change"),
    ("cancel/", views.meeting_cancel, "cancel"),
    ("agenda/", views.agenda, "agenda"),
    ("agenda/<int:item_pk>/remove/", views.agenda_remove, "agenda_remove"),
    ("notes/", views.notes, "notes"),
    ("invite/", views_people.invite, "invite"),
    ("reply/", views_people.reply, "reply"),
    ("sign-up/", views_people.sign_up, "sign_up"),
    ("my-needs/", views_people.needs, "needs"),
    ("access/", views_people.access, "access"),
    ("access/update-list/", views_people.access_refresh, "access_refresh"),
    ("access/<int:line_pk>/", views_people.access_update, "access_update"),
    ("attendance/", views_people.attendance, "attendance"),
    ("papers/", views_papers.papers, "papers"),
    ("papers/send/", views_papers.papers_send, "papers_send"),
    ("papers/<int:paper_pk>/", views_papers.paper_download, "paper_download"),
    ("papers/<int:paper_pk>/versions/add/", views_papers.paper_version_add, "paper_version_add"),
    (
        "papers/<int:paper_pk>/versions/<int:version_pk>/",
        views_papers.paper_version_download,
        "paper_version_download",
    ),
    ("access/large-print/", views_papers.large_print_make, "large_print_make"),
    ("meeting.ics", views_calendar.meeting_ics, "ics"),
]


def _meeting_pages(prefix: str, host: str, name_prefix: str) -> list:
    return [
        path(f"{prefix}<int:meeting_pk>/{route}", view, {"host": host}, name=name_prefix + name)
        for route, view, name in MEETING_PAGES
    ]


urlpatterns = [
    path("", views.my_meetings, name="mine"),
    path("open-events/", views.open_events, name="events"),
    path("venues/", views_venues.venues, name="venues"),
    path("venues/new/", views_venues.venue_new, name="venue_new"),
    path("venues/<int:venue_pk>/change/", views_venues.venue_change, name="venue_change"),
    path("calendar/", views_calendar.calendar_page, name="calendar"),
    path("calendar/<str:token>.ics", views_calendar.feed, name="feed"),
    path("projects/<int:pk>/", views.host_meetings, {"host": "project"}, name="project"),
    path("projects/<int:pk>/plan/", views.meeting_plan, {"host": "project"}, name="plan"),
    path(
        "projects/<int:pk>/suggest-times/",
        views_schedule.suggest,
        {"host": "project"},
        name="suggest",
    ),
    *_meeting_pages("projects/<int:pk>/", "project", ""),
    path("groups/<int:pk>/", views.host_meetings, {"host": "group"}, name="group"),
    path("groups/<int:pk>/plan/", views.meeting_plan, {"host": "group"}, name="group_plan"),
    path(
        "groups/<int:pk>/suggest-times/",
        views_schedule.suggest,
        {"host": "group"},
        name="group_suggest",
    ),
    *_meeting_pages("groups/<int:pk>/", "group", "group_"),
]
