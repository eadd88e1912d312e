"""The calendar file for a clinic booking, built by the meetings app's `.ics` writer (UTC
times, every value escaped by icalendar's own types, IO-8)."""

from django.conf import settings

from copro.community.models import ClinicBooking
from copro.meetings.ics import CalendarEvent, build


def _host_name() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "localhost"


def booking_event(booking: ClinicBooking) -> CalendarEvent:
    slot = booking.slot
    url = settings.SITE_URL + booking.get_absolute_url()
    if slot.venue_id:
        location = f"{slot.venue.name}, {' '.join(slot.venue.address.split())}"
    else:
        location = "Online"
    lines = [
        f"An advice clinic with {slot.host.display_name} for {booking.person.display_name}.",
        f"Details: {url}",
    ]
    if slot.is_online and slot.online_link:
        lines.append(f"Join online: {slot.online_link}")
    return CalendarEvent(
        uid=f"clinic-booking-{booking.pk}@{_host_name()}",
        title=f"Advice clinic: {slot.topic}",
        starts_at=slot.starts,
        ends_at=slot.ends,
        location=location,
        description="\n".join(lines),
        url=url,
    )


def booking_calendar(booking: ClinicBooking) -> bytes:
    return build([booking_event(booking)], name="Advice clinic")
