"""A training session as a calendar file (.ics), built with the project's own calendar helper
(`copro.meetings.ics`): times in UTC, every text escaped by icalendar (IO-8)."""

import datetime

from django.conf import settings

from copro.learning.models import Booking, TrainingSession
from copro.meetings.ics import CalendarEvent, build


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "localhost"


def _location(session: TrainingSession) -> str:
    if session.venue_id:
        return f"{session.venue.name}, {' '.join(session.venue.address.split())}"
    return "Online"


def session_event(booking: Booking) -> CalendarEvent:
    session = booking.session
    url = settings.SITE_URL + session.get_absolute_url()
    lines = [f"Co-production training: {session.level.name}.", f"Details: {url}"]
    if session.is_online and booking.status == Booking.Status.BOOKED:
        lines.append(f"Join online: {session.online_link}")
    if booking.status == Booking.Status.WAITING:
        lines.append("You are on the waiting list. We will tell you if a place comes free.")
    return CalendarEvent(
        uid=f"training-session-{session.pk}@{_host()}",
        title=f"Training: {session.level.name}",
        starts_at=session.starts,
        ends_at=session.starts + datetime.timedelta(hours=session.level.hours),
        location=_location(session),
        description="\n".join(lines),
        url=url,
    )


def session_calendar(booking: Booking) -> bytes:
    return build([session_event(booking)], name=f"Training: {booking.session.level.name}")
