"""Reads for the notifications pages and API, scoped to the viewer, in a fixed number of queries."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Min, Prefetch, Q

from copro.notifications import kinds, routes
from copro.notifications.models import (
    Channel,
    Delivery,
    LocalTextMessage,
    Notification,
    Preference,
    QuietHours,
)
from copro.people.models import User

PAGE_SIZE = 25
STAFF_LIST_SIZE = 100


def notifications_page(*, viewer: User, page_number=1) -> Page:
    """The viewer's history, newest first, with each route's state (three queries: count, rows,
    the rows' deliveries)."""
    rows = Notification.objects.filter(recipient=viewer).prefetch_related(
        Prefetch("deliveries", queryset=Delivery.objects.exclude(channel=Channel.SERVICE))
    )
    return Paginator(rows, PAGE_SIZE).get_page(page_number)


def preferences_for(*, person: User) -> dict:
    """Every kind of event with the routes and frequency that apply now (two queries: the
    person's preferences, their quiet hours; the profile is read once for the defaults)."""
    saved = {p.kind: p for p in Preference.objects.filter(person=person)}
    defaults = routes.default_routes(person)
    rows = []
    for kind in kinds.all_kinds():
        if kind.code == "summary":
            continue
        preference = saved.get(kind.code)
        rows.append(
            {
                "kind": kind,
                "routes": list(preference.routes) if preference else defaults,
                "frequency": preference.frequency if preference else Preference.Frequency.NOW,
                "chosen": preference is not None,
            }
        )
    quiet = QuietHours.objects.filter(person=person).first()
    return {"kinds": rows, "quiet": quiet, "possible": routes.possible_routes(person)}


def to_post() -> list[dict]:
    """Staff: one row per person with letters waiting to be posted, oldest first (one query)."""
    waiting = (
        Delivery.objects.filter(channel=Channel.POST, state=Delivery.State.QUEUED)
        .values("notification__recipient_id", "notification__recipient__display_name")
        .annotate(count=Count("pk"), oldest=Min("notification__created_at"), up_to=Max("pk"))
        .order_by("oldest")[:STAFF_LIST_SIZE]
    )
    return [
        {
            "person_id": row["notification__recipient_id"],
            "name": row["notification__recipient__display_name"],
            "count": row["count"],
            "oldest": row["oldest"],
            "up_to": row["up_to"],
        }
        for row in waiting
    ]


def letters_waiting(*, person: User) -> list[Delivery]:
    return list(
        Delivery.objects.filter(
            notification__recipient=person, channel=Channel.POST, state=Delivery.State.QUEUED
        )
        .select_related("notification")
        .order_by("pk")
    )


def texts_for_staff() -> dict:
    """Staff: texts and e-mails not sent yet or failed (no contents shown: the kind of event and
    the state), and the local store's latest messages (two queries)."""
    stuck = (
        Delivery.objects.filter(
            Q(state=Delivery.State.QUEUED) | Q(state=Delivery.State.FAILED),
            channel__in=[Channel.TEXT, Channel.EMAIL],
        )
        .select_related("notification__recipient")
        .order_by("pk")[:STAFF_LIST_SIZE]
    )
    stored = LocalTextMessage.objects.all()[:20]
    return {"stuck": list(stuck), "stored": list(stored)}
