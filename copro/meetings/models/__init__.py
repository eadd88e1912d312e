"""Meetings: venues, meetings and agendas, invitations, access arrangements, papers and
attendance. Import models from here (`from copro.meetings.models import Meeting`)."""

from copro.meetings.models.calendar import CalendarFeed
from copro.meetings.models.meeting import AgendaItem, Meeting, part_of_day
from copro.meetings.models.paper import Paper, PaperVersion
from copro.meetings.models.taking_part import (
    EXPERIENCE,
    QUALIFICATION,
    Arrangement,
    Attendance,
    Invitee,
    MeetingAccessNeed,
)
from copro.meetings.models.venue import NEED_FEATURES, Venue

__all__ = [
    "EXPERIENCE",
    "NEED_FEATURES",
    "QUALIFICATION",
    "AgendaItem",
    "Arrangement",
    "Attendance",
    "CalendarFeed",
    "Invitee",
    "Meeting",
    "MeetingAccessNeed",
    "Paper",
    "PaperVersion",
    "Venue",
    "part_of_day",
]
