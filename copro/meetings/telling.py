"""Telling the people invited to a meeting what changed, through copro.notifications: each by
the routes they chose, with a calendar file that replaces the one they have."""

import datetime

from django.utils import timezone

from copro.meetings.ics import change_calendar
from copro.meetings.models import Meeting
from copro.notifications import kinds
from copro.notifications.services import notify

# What people need to hear about: a change to any of these moves or relocates the meeting.
WHEN_AND_WHERE = ("starts_at", "duration_minutes", "venue_id", "format", "online_link")


def register_kinds() -> None:
    kinds.register("meeting_invited", "You are invited to a meeting")
    kinds.register("meeting_changed", "A meeting you are invited to has changed", urgent=True)
    kinds.register("meeting_cancelled", "A meeting you are invited to is cancelled", urgent=True)
    kinds.register("meeting_tomorrow", "A meeting you are coming to is tomorrow", urgent=True)
    kinds.register("papers_available", "Papers for a meeting are ready to read")


def when_and_where(meeting: Meeting) -> tuple:
    return tuple(getattr(meeting, name) for name in WHEN_AND_WHERE)


def _place(meeting: Meeting) -> str:
    if meeting.venue_id and meeting.format != Meeting.Format.ONLINE:
        return f"at {meeting.venue.name}" + (" or online" if meeting.online else "")
    return "online"


def _invited(meeting: Meeting):
    return [i.user for i in meeting.invitees.exclude(reply="no").select_related("user")]


def tell_changed(meeting: Meeting) -> None:
    starts = timezone.localtime(meeting.starts_at)
    notify(
        recipients=_invited(meeting),
        kind="meeting_changed",
        event_key=f"meeting:{meeting.pk}:changed:{meeting.sequence}",
        title=f"Meeting changed: {meeting.title}"[:200],
        body=(
            f"It is now on {starts:%A %-d %B %Y} at {starts:%H:%M}, {_place(meeting)}. "
            "The calendar file with this message replaces the old one."
        ),
        url=meeting.get_absolute_url(),
        calendar=change_calendar(meeting),
    )


def tell_invited(meeting: Meeting, people) -> None:
    """The invitation itself is e-mailed by copro.meetings.emails, with its calendar file."""
    starts = timezone.localtime(meeting.starts_at)
    notify(
        recipients=people,
        kind="meeting_invited",
        event_key=f"meeting:{meeting.pk}:invited",
        title=f"You are invited: {meeting.title}"[:200],
        body=f"On {starts:%A %-d %B %Y} at {starts:%H:%M}, {_place(meeting)}. Please reply.",
        url=meeting.get_absolute_url(),
        emailed_already=True,
    )


def tell_papers(meeting: Meeting, paper_ids: list[int]) -> None:
    """The papers themselves are e-mailed by copro.meetings.emails."""
    notify(
        recipients=_invited(meeting),
        kind="papers_available",
        event_key=f"meeting:{meeting.pk}:papers:{min(paper_ids)}",
        title=f"Papers ready to read: {meeting.title}"[:200],
        body="The papers for the meeting are ready. You can read them on the meeting's page.",
        url=meeting.get_absolute_url(),
        emailed_already=True,
    )


def tell_cancelled(meeting: Meeting, reason: str = "") -> None:
    starts = timezone.localtime(meeting.starts_at)
    body = f"The meeting on {starts:%A %-d %B %Y} will not happen."
    if reason:
        body += f" {reason}"
    notify(
        recipients=_invited(meeting),
        kind="meeting_cancelled",
        event_key=f"meeting:{meeting.pk}:cancelled",
        title=f"Meeting cancelled: {meeting.title}"[:200],
        body=body,
        url=meeting.get_absolute_url(),
        calendar=change_calendar(meeting),
    )


def tell_tomorrow(*, today=None) -> int:
    """Remind everyone coming (or not yet replied) to tomorrow's meetings. Safe to run again:
    notify() tells each person once per meeting and time (the event key holds the sequence)."""
    today = today or timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    meetings = Meeting.objects.filter(
        starts_at__date=tomorrow, cancelled_at__isnull=True
    ).select_related("venue")
    told = 0
    for meeting in meetings:
        people = [
            i.user
            for i in meeting.invitees.filter(reply__in=["yes", "maybe", "waiting"]).select_related(
                "user"
            )
        ]
        starts = timezone.localtime(meeting.starts_at)
        told += len(
            notify(
                recipients=people,
                kind="meeting_tomorrow",
                event_key=f"meeting:{meeting.pk}:tomorrow:{meeting.sequence}",
                title=f"Tomorrow: {meeting.title}"[:200],
                body=f"The meeting is tomorrow at {starts:%H:%M}, {_place(meeting)}.",
                url=meeting.get_absolute_url(),
            )
        )
    return told
