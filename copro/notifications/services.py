"""The one way every app tells people something: `notify(...)`."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from copro.core.mail import in_language_of
from copro.notifications import kinds
from copro.notifications.models import Notification

log = logging.getLogger("copro.notifications")


def notify(
    *,
    recipients: Iterable,
    kind: str,
    event_key: str,
    title: str,
    body: str = "",
    url: str = "",
) -> list[Notification]:
    """Tell each recipient about one event, once.

    `kind` must be registered (copro.notifications.kinds.register); `event_key` identifies the
    event, so calling again for the same event and person does nothing. `url` is a path inside
    the service ("/meetings/3/"). Returns the notifications made now (not the ones that existed).
    Runs in the caller's transaction: an event that is rolled back tells nobody.
    """
    kinds.get(kind)  # refuse unknown kinds loudly: a typo would otherwise tell nobody
    made = []
    for person in {r.pk: r for r in recipients if r is not None}.values():
        if not person.is_active:
            continue
        with in_language_of(person):  # lazy strings become the person's language (issue 19)
            try:
                with transaction.atomic():
                    notification = Notification.objects.create(
                        recipient=person,
                        kind=kind,
                        event_key=event_key[:200],
                        title=str(title)[:200],
                        body=str(body)[:5000],
                        url=url[:500],
                    )
            except IntegrityError:
                continue  # already told about this event
            made.append(notification)
            _send_email(notification)
    return made


def _send_email(notification: Notification) -> None:
    """E-mail goes through the outbox (copro.core.mail), so a mail server outage loses nothing."""
    person = notification.recipient
    if not person.email:
        return
    link = f"{settings.SITE_URL.rstrip('/')}{notification.url}" if notification.url else ""
    text = "\n\n".join(part for part in (notification.body, link) if part)
    send_mail(notification.title, text, None, [person.email])
    log.info(
        "notification e-mailed", extra={"event": "notification_sent", "kind": notification.kind}
    )


def unread_count(*, viewer) -> int:
    if not getattr(viewer, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=viewer, read_at__isnull=True).count()
