"""E-mail that survives the mail server being down (FLT-10): a durable outbox on django-tasks.

Every app sends e-mail through Django's ordinary API (`send_mail`, `EmailMessage.send()`), so
nothing in the apps changes. With

    EMAIL_BACKEND=copro.core.mail.QueuedEmailBackend
    EMAIL_DELIVERY_BACKEND=django.core.mail.backends.smtp.EmailBackend   (the default)

each message is stored as a task row in the database - in the same transaction as the change
that caused it, so a change that is rolled back sends nothing - and the task worker
(`copro db_worker`) hands it to the real backend. When the mail server refuses or cannot be
reached, the task schedules another attempt with a growing delay (1, 2, 4 ... minutes, up to
MAX_ATTEMPTS in all), logs a warning without the address or the contents, and the page the
person used has already answered normally. After the last attempt the task is marked failed,
which staff can see in the admin pages (Tasks), and an error is logged.

A message is stored whole (its MIME bytes), so attachments and HTML parts are delivered exactly
as they were built. The Message-ID is fixed when the message is stored: if a worker is killed
after the mail server accepted a message but before the task was marked done, a second delivery
carries the same Message-ID, which mail systems use to drop duplicates.
"""

import base64
import datetime
import email
import email.policy
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger("copro.mail")

MAX_ATTEMPTS = 8
DEFAULT_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# Errors that mean "try again later": the server is down, refused us for now, or timed out.
TEMPORARY = (OSError, smtplib.SMTPException)


def delivery_backend() -> str:
    return getattr(settings, "EMAIL_DELIVERY_BACKEND", DEFAULT_DELIVERY_BACKEND)


def retry_delay(attempt: int) -> datetime.timedelta:
    """1, 2, 4, 8 ... minutes after the attempt that failed, never more than an hour."""
    return datetime.timedelta(minutes=min(2 ** (attempt - 1), 60))


class StoredMessage(EmailMessage):
    """A message rebuilt from its stored MIME bytes, for any Django e-mail backend."""

    def __init__(self, raw: bytes, from_email: str, recipients: list[str]):
        parsed = email.message_from_bytes(raw, policy=email.policy.SMTP)
        super().__init__(subject=str(parsed.get("Subject", "")), from_email=from_email)
        self._raw = raw
        self._recipients = list(recipients)
        self.to = list(recipients)
        text = parsed.get_body(preferencelist=("plain",))
        self.body = text.get_content() if text is not None else ""

    def recipients(self) -> list[str]:
        return self._recipients

    def message(self, *args, **kwargs):
        return email.message_from_bytes(self._raw, policy=email.policy.SMTP)


class QueuedEmailBackend(BaseEmailBackend):
    """Stores each message as a `deliver_email` task instead of sending it now."""

    def send_messages(self, email_messages) -> int:
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            mime = message.message()  # fixes the Message-ID and Date now
            deliver_email.enqueue(
                raw=base64.b64encode(mime.as_bytes()).decode("ascii"),
                from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
                recipients=list(message.recipients()),
                attempt=1,
            )
            queued += 1
        return queued


@task()
def deliver_email(*, raw: str, from_email: str, recipients: list[str], attempt: int = 1) -> str:
    """Hand one stored message to the real backend; on a temporary failure, try again later."""
    message = StoredMessage(base64.b64decode(raw), from_email, recipients)
    try:
        get_connection(delivery_backend(), fail_silently=False).send_messages([message])
    except TEMPORARY as error:
        # Never the address or the contents: the kind of error and the attempt are enough.
        if attempt >= MAX_ATTEMPTS or not deliver_email.get_backend().supports_defer:
            logger.error(
                "email_delivery_gave_up",
                extra={"attempt": attempt, "error": type(error).__name__},
            )
            raise
        run_after = timezone.now() + retry_delay(attempt)
        deliver_email.using(run_after=run_after).enqueue(
            raw=raw, from_email=from_email, recipients=recipients, attempt=attempt + 1
        )
        logger.warning(
            "email_delivery_retry",
            extra={"attempt": attempt, "error": type(error).__name__},
        )
        return "retry scheduled"
    return "sent"


def in_language_of(person):
    """Build a message in the language the person chose (issue 19): `with in_language_of(user):`
    around rendering the subject and body. Their language, or the service's default when they
    chose none or chose one no longer offered. Lazy strings (gettext_lazy) passed in from
    elsewhere are translated when turned into text inside the block."""
    from django.utils import translation

    offered = {code for code, _name in settings.LANGUAGES}
    chosen = getattr(person, "language", "") or ""
    return translation.override(chosen if chosen in offered else settings.LANGUAGE_CODE)
