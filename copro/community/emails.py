"""One function per message: the confirmation when a clinic is booked, and the reminder the
day before. Both go to the person booked and to the host, each with the calendar file. The
only value from the database in a header is the address; names and topics are cleaned of
control characters before they reach the subject (IO-7)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from copro.community.ics import booking_calendar
from copro.community.models import ClinicBooking

ICS = "text/calendar; method=PUBLISH; charset=utf-8"


def _one_line(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text or "").split())


def _send(*, template: str, to: str, context: dict, calendar: bytes) -> None:
    context = {**context, "site_url": settings.SITE_URL, "service_name": settings.SERVICE_NAME}
    subject = _one_line(render_to_string(f"community/email/{template}_subject.txt", context))
    message = EmailMultiAlternatives(
        subject=subject[:150],
        body=render_to_string(f"community/email/{template}.txt", context),
        to=[to],
    )
    message.attach_alternative(
        render_to_string(f"community/email/{template}.html", context), "text/html"
    )
    message.attach("advice-clinic.ics", calendar, ICS)
    message.send()


def _booking(pk: int) -> ClinicBooking | None:
    return (
        ClinicBooking.objects.select_related("slot__venue", "slot__host", "person")
        .filter(pk=pk, status=ClinicBooking.Status.BOOKED)
        .first()
    )


def _send_both(booking: ClinicBooking, template: str) -> int:
    calendar = booking_calendar(booking)
    slot = booking.slot
    sent = 0
    for person, is_host in ((booking.person, False), (slot.host, True)):
        if not person.email or not person.is_active:
            continue
        context = {
            "name": _one_line(person.display_name),
            "other": _one_line((booking.person if is_host else slot.host).display_name),
            "is_host": is_host,
            "slot": slot,
            "topic": _one_line(slot.topic),
            "starts": timezone.localtime(slot.starts),
            "url": settings.SITE_URL + booking.get_absolute_url(),
        }
        _send(template=template, to=person.email, context=context, calendar=calendar)
        sent += 1
    return sent


def send_booking_confirmation(*, booking_id: int) -> int:
    booking = _booking(booking_id)
    return _send_both(booking, "booked") if booking else 0


def send_reminder(*, booking_id: int) -> int:
    booking = _booking(booking_id)
    return _send_both(booking, "reminder") if booking else 0
