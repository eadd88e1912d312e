"""Calendar files (RFC 5545) built with `icalendar`, times in UTC.

Every value goes through icalendar's own property types, which escape commas, semicolons and
backslashes and fold long lines, so a title like "Tea\\r\\nATTENDEE:evil" stays one SUMMARY
(IO-8). Control characters other than newlines and tabs are dropped first: they have no place
in a calendar and some clients choke on them."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Working Together//Meetings//EN"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    title: str
    starts_at: datetime
    ends_at: datetime
    location: str
    description: str
    url: str
    sequence: int = 0
    cancelled: bool = False


def clean(text: str) -> str:
    """Text safe to put in a calendar: printable characters, newlines and tabs."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")


def build(
    events: list[CalendarEvent],
    *,
    name: str = "",
    stamp: datetime | None = None,
    method: str = "PUBLISH",
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        # icalendar does not escape X- properties: keep the name on one line.
        calendar.add("x-wr-calname", " ".join(clean(name).split()))
    stamp = (stamp or timezone.now()).astimezone(UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.starts_at.astimezone(UTC))
        event.add("dtend", item.ends_at.astimezone(UTC))
        event.add("summary", clean(item.title))
        if item.location:
            event.add("location", clean(item.location))
        if item.description:
            event.add("description", clean(item.description))
        if item.url:
            event.add("url", item.url)
        if item.sequence:
            event.add("sequence", item.sequence)
        if item.cancelled:
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    return calendar.to_ical()


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "localhost"


def event_for(meeting) -> CalendarEvent:
    url = settings.SITE_URL + meeting.get_absolute_url()
    if meeting.venue_id:
        location = f"{meeting.venue.name}, {' '.join(meeting.venue.address.split())}"
        if meeting.online:
            location += " (or online)"
    else:
        location = "Online"
    lines = [f"A meeting of {meeting.host_title}.", f"Details and papers: {url}"]
    if meeting.online and meeting.online_link:
        lines.append(f"Join online: {meeting.online_link}")
    return CalendarEvent(
        uid=f"meeting-{meeting.pk}@{_host()}",
        title=meeting.title,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        location=location,
        description="\n".join(lines),
        url=url,
        sequence=meeting.sequence,
        cancelled=meeting.cancelled_at is not None,
    )


def meetings_calendar(meetings, *, name: str = "") -> bytes:
    return build([event_for(m) for m in meetings], name=name)


def change_calendar(meeting) -> bytes:
    """The file that replaces the one people have: same UID, higher SEQUENCE; for a
    cancellation METHOD:CANCEL, so calendar apps take the meeting out."""
    method = "CANCEL" if meeting.cancelled_at is not None else "PUBLISH"
    return build([event_for(meeting)], name=meeting.title, method=method)
