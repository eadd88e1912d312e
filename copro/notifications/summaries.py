"""Daily and weekly summaries: what a person chose to hear about in one message, not one each.

`copro send_digests` (in the daily job) gathers each person's held deliveries that are due and
tells them once, by a "summary" notification on the same routes. Idempotent: a held delivery is
moved into exactly one summary by a conditional UPDATE, and the summary's event key is made from
the held rows, so running the command twice, or twice at once, sends one summary.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from copro.notifications import sending
from copro.notifications.models import Delivery, Notification
from copro.notifications.services import _store
from copro.people.models import User

MAX_LINES = 30  # a longer summary says "and N more"


def send_digests(*, now: datetime.datetime | None = None) -> int:
    """Send every due summary; return how many were sent now."""
    now = now or timezone.now()
    due = Delivery.objects.filter(state=Delivery.State.HELD, next_try_at__lte=now).values_list(
        "pk", "notification__recipient_id"
    )
    by_person: dict[int, list[int]] = defaultdict(list)
    for pk, person_id in due:
        by_person[person_id].append(pk)
    sent = 0
    for person in User.objects.filter(pk__in=by_person, is_active=True).select_related(
        "profile", "quiet_hours"
    ):
        if _summarise(person, by_person[person.pk], now):
            sent += 1
    return sent


def _summarise(person, held_ids: list[int], now) -> bool:
    with transaction.atomic():
        held = list(
            Delivery.objects.select_related("notification")
            .filter(pk__in=held_ids, state=Delivery.State.HELD)
            .order_by("pk")
        )
        if not held:
            return False
        titles = list(dict.fromkeys(d.notification.title for d in held))
        lines = [f"- {title}" for title in titles[:MAX_LINES]]
        if len(titles) > MAX_LINES:
            lines.append(f"and {len(titles) - MAX_LINES} more")
        summary = _store(
            person,
            kind=sending.SUMMARY_KIND,
            event_key=f"summary:{held[0].pk}",
            title=f"Your summary: {len(titles)} new update{'s' if len(titles) != 1 else ''}",
            body="\n".join(lines),
            url="/notifications/",
            routes_now=sorted({d.channel for d in held}),
            frequency="now",
        )
        if summary is None:
            summary = Notification.objects.get(recipient=person, event_key=f"summary:{held[0].pk}")
        moved = Delivery.objects.filter(
            pk__in=[d.pk for d in held], state=Delivery.State.HELD
        ).update(state=Delivery.State.IN_SUMMARY, included_in=summary, sent_at=now)
        if moved == 0:
            transaction.set_rollback(True)  # another run took them first
            return False
    return True
