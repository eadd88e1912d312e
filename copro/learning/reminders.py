"""Training reminders: one email to each person with a place on a session that starts within
the next two days, with the session's calendar file. Each booking is reminded once only: it is
claimed (its `reminder_sent_at` set) in the same transaction that sends the email, so running
the command twice, or from two processes, sends nothing twice. If sending fails, the claim is
rolled back and the next run tries again."""

import datetime

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from copro.learning.calendar import session_calendar
from copro.learning.models import Booking
from copro.notifications.services import notify

REMIND_WITHIN = datetime.timedelta(days=2)


def _one_line(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text or "").split())


def _due(now: datetime.datetime) -> list[int]:
    today = timezone.localdate(now)
    candidates = (
        Booking.objects.filter(
            status=Booking.Status.BOOKED,
            reminder_sent_at__isnull=True,
            session__date__gte=today,
            session__date__lte=timezone.localdate(now + REMIND_WITHIN),
            person__is_active=True,
        )
        .exclude(person__email="")
        .select_related("session")
    )
    return [b.pk for b in candidates if now < b.session.starts <= now + REMIND_WITHIN]


def _send(booking: Booking) -> None:
    session = booking.session
    context = {
        "name": _one_line(booking.person.display_name),
        "session": session,
        "level": _one_line(session.level.name),
        "starts": timezone.localtime(session.starts),
        "url": settings.SITE_URL + session.get_absolute_url(),
        "site_url": settings.SITE_URL,
        "service_name": settings.SERVICE_NAME,
    }
    subject = _one_line(render_to_string("learning/email/training_reminder_subject.txt", context))
    message = EmailMultiAlternatives(
        subject=subject[:150],
        body=render_to_string("learning/email/training_reminder.txt", context),
        to=[booking.person.email],
    )
    message.attach_alternative(
        render_to_string("learning/email/training_reminder.html", context), "text/html"
    )
    message.attach(
        "training.ics",
        session_calendar(booking),
        "text/calendar; method=PUBLISH; charset=utf-8",
    )
    message.send()


def training_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Send every reminder that is due and not sent yet. Returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for pk in _due(now):
        with transaction.atomic():
            claimed = Booking.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            )
            if not claimed:
                continue
            booking = Booking.objects.select_related(
                "person", "session__level", "session__venue"
            ).get(pk=pk)
            if booking.person.email:
                _send(booking)
            _tell(booking)
            sent += 1
    return sent


def _tell(booking: Booking) -> None:
    """The same reminder by the person's other routes (text, post) and in their history; the
    e-mail above is theirs already, with its calendar file."""
    session = booking.session
    starts = timezone.localtime(session.starts)
    notify(
        recipients=[booking.person],
        kind="training_reminder",
        event_key=f"booking:{booking.pk}:reminder",
        title=f"Training soon: {_one_line(session.level.name)}"[:200],
        body=f"Your training is on {starts:%A %-d %B} at {starts:%H:%M}.",
        url=session.get_absolute_url(),
        emailed_already=True,
    )
