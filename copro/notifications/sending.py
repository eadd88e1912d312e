"""Sending one delivery on its route, with retries, and the sweep that makes sure nothing waits
for ever (NTF-1).

The Delivery row is the truth; a task is only a prompt to look at it. A sender claims the row
with one conditional UPDATE (queued and due -> sending), so of two senders at once, or a task and
the sweep, exactly one sends. A temporary failure puts the row back as "not sent yet" with a
later next_try_at (1, 2, 4 ... minutes, up to an hour); after MAX_ATTEMPTS it is marked
failed, and staff see it. The sweep (`copro send_notifications`, every few minutes and in the
daily job) sends whatever is due and frees rows a killed worker left in "sending".
"""

from __future__ import annotations

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from copro.core.mail import retry_delay
from copro.notifications import routes, texts
from copro.notifications.models import Channel, Delivery

log = logging.getLogger("copro.notifications")

SUMMARY_KIND = "summary"
MAX_ATTEMPTS = 8
# A row still "sending" after this long belongs to a worker that died: it is tried again.
STALE_CLAIM = datetime.timedelta(minutes=15)
TEMPORARY = (OSError, smtplib.SMTPException, texts.TemporaryFailure)


def schedule(delivery: Delivery) -> None:
    """Ask the task worker to send it now, or when it is due."""
    when = delivery.next_try_at
    if when is not None and when > timezone.now():
        if not deliver.get_backend().supports_defer:
            return  # the sweep sends it when it is due
        deliver.using(run_after=when).enqueue(delivery_id=delivery.pk)
        return
    deliver.enqueue(delivery_id=delivery.pk)


@task()
def deliver(*, delivery_id: int) -> str:
    return send_one(delivery_id)


def claim(delivery_id: int, now: datetime.datetime) -> bool:
    return bool(
        Delivery.objects.filter(
            pk=delivery_id,
            state=Delivery.State.QUEUED,
            next_try_at__lte=now,
            channel__in=[Channel.EMAIL, Channel.TEXT],
        ).update(state=Delivery.State.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )


def send_one(delivery_id: int) -> str:
    now = timezone.now()
    if not claim(delivery_id, now):
        return "not due, or already taken"
    delivery = Delivery.objects.select_related(
        "notification__recipient__profile", "notification__recipient__quiet_hours"
    ).get(pk=delivery_id)
    person = delivery.notification.recipient
    if delivery.channel == Channel.TEXT:
        held_until = routes.quiet_until(getattr(person, "quiet_hours", None), now)
        if held_until is not None:
            _put_back(delivery, next_try=held_until, error="", count_attempt=False)
            return "held for quiet hours"
    try:
        reference = _send(delivery)
    except texts.PermanentFailure as error:
        _update(delivery, state=Delivery.State.FAILED, last_error=str(error)[:200])
        log.error("notification_refused", extra={"channel": delivery.channel, "id": delivery.pk})
        return "failed"
    except TEMPORARY as error:
        return _retry_later(delivery, error, now)
    _update(delivery, state=Delivery.State.SENT, sent_at=timezone.now(), provider_ref=reference)
    return "sent"


def _send(delivery: Delivery) -> str:
    notification = delivery.notification
    person = notification.recipient
    if delivery.channel == Channel.EMAIL:
        if not person.email:
            raise texts.PermanentFailure("No email address")
        link = f"{settings.SITE_URL.rstrip('/')}{notification.url}" if notification.url else ""
        text = "\n\n".join(part for part in (notification.body, link) if part)
        message = EmailMessage(notification.title, text, None, [person.email])
        if notification.calendar:
            method = "CANCEL" if "METHOD:CANCEL" in notification.calendar else "PUBLISH"
            message.attach(
                "meeting.ics",
                notification.calendar.encode(),
                f"text/calendar; method={method}; charset=utf-8",
            )
        message.send()
        return ""
    phone = person.profile.phone if hasattr(person, "profile") else ""
    if not phone:
        raise texts.PermanentFailure("No phone number")
    content = texts.text_content(
        person=person,
        kind_code=notification.kind,
        count=summary_size(notification) if notification.kind == SUMMARY_KIND else 1,
    )
    return texts.backend().send(
        phone_number=phone, content=content, reference=f"delivery-{delivery.pk}", delivery=delivery
    )


def summary_size(notification) -> int:
    return sum(1 for line in notification.body.splitlines() if line.startswith("- "))


def _retry_later(delivery: Delivery, error: Exception, now) -> str:
    kind_of_error = type(error).__name__
    if delivery.attempts >= MAX_ATTEMPTS:
        _update(delivery, state=Delivery.State.FAILED, last_error=f"Gave up: {kind_of_error}")
        log.error("notification_gave_up", extra={"channel": delivery.channel, "id": delivery.pk})
        return "failed"
    next_try = now + retry_delay(delivery.attempts)
    _put_back(delivery, next_try=next_try, error=kind_of_error, count_attempt=True)
    delivery.next_try_at = next_try
    schedule(delivery)
    log.warning(
        "notification_retry",
        extra={"channel": delivery.channel, "attempt": delivery.attempts, "error": kind_of_error},
    )
    return "retry scheduled"


def _put_back(delivery: Delivery, *, next_try, error: str, count_attempt: bool) -> None:
    attempts = delivery.attempts if count_attempt else delivery.attempts - 1
    _update(
        delivery,
        state=Delivery.State.QUEUED,
        next_try_at=next_try,
        last_error=error,
        attempts=attempts,
    )


def _update(delivery: Delivery, **fields) -> None:
    """Only the sender holding the claim writes the outcome."""
    Delivery.objects.filter(pk=delivery.pk, state=Delivery.State.SENDING).update(**fields)
    for name, value in fields.items():
        setattr(delivery, name, value)


def sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Send everything due; free rows whose sender died. Safe to run at any time, twice at once."""
    now = now or timezone.now()
    freed = Delivery.objects.filter(
        state=Delivery.State.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(state=Delivery.State.QUEUED, next_try_at=now)
    due = Delivery.objects.filter(
        state=Delivery.State.QUEUED,
        next_try_at__lte=now,
        channel__in=[Channel.EMAIL, Channel.TEXT],
    ).values_list("pk", flat=True)[:1000]
    outcomes: dict[str, int] = {"freed": freed}
    for pk in list(due):
        outcome = send_one(pk)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes
