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

M = "projects/<int:pk>/<int:meeting_pk>/"

urlpatterns = [
    path("", views.my_meetings, name="mine"),
    path("venues/", views_venues.venues, name="venues"),
    path("venues/new/", views_venues.venue_new, name="venue_new"),
    path("venues/<int:venue_pk>/change/", views_venues.venue_change, name="venue_change"),
    path("calendar/", views_calendar.calendar_page, name="calendar"),
    path("calendar/<str:token>.ics", views_calendar.feed, name="feed"),
    path("projects/<int:pk>/", views.project_meetings, name="project"),
    path("projects/<int:pk>/plan/", views.meeting_plan, name="plan"),
    path("projects/<int:pk>/suggest-times/", views_schedule.suggest, name="suggest"),
    path(M, views.meeting_detail, name="detail"),
    path(M + "change/", views.meeting_change, name="change"),
    path(M + "agenda/", views.agenda, name="agenda"),
    path(M + "agenda/<int:item_pk>/remove/", views.agenda_remove, name="agenda_remove"),
    path(M + "notes/", views.notes, name="notes"),
    path(M + "invite/", views_people.invite, name="invite"),
    path(M + "reply/", views_people.reply, name="reply"),
    path(M + "my-needs/", views_people.needs, name="needs"),
    path(M + "access/", views_people.access, name="access"),
    path(M + "access/update-list/", views_people.access_refresh, name="access_refresh"),
    path(M + "access/<int:line_pk>/", views_people.access_update, name="access_update"),
    path(M + "attendance/", views_people.attendance, name="attendance"),
    path(M + "papers/", views_papers.papers, name="papers"),
    path(M + "papers/send/", views_papers.papers_send, name="papers_send"),
    path(M + "papers/<int:paper_pk>/", views_papers.paper_download, name="paper_download"),
    path(M + "meeting.ics", views_calendar.meeting_ics, name="ics"),
]
