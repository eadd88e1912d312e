"""The one way every app tells people something: `notify(...)`, and the person's own writes."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from copro.core.mail import in_language_of
from copro.notifications import kinds, routes
from copro.notifications.models import Channel, Delivery, Notification, Preference, QuietHours
from copro.people.models import User

log = logging.getLogger("copro.notifications")


def notify(
    *,
    recipients: Iterable,
    kind: str,
    event_key: str,
    title: str,
    body: str = "",
    url: str = "",
    calendar: bytes | str = "",
    emailed_already: bool = False,
) -> list[Notification]:
    """Tell each recipient about one event, once.

    `kind` must be registered (copro.notifications.kinds.register); `event_key` identifies the
    event, so calling again for the same event and person does nothing. `url` is a path inside
    the service ("/meetings/3/"). Returns the notifications made now (not the ones that existed).
    Runs in the caller's transaction: an event that is rolled back tells nobody.

    Each notification is kept in the person's history and gets one Delivery per route they
    chose (routes.py); each route is sent on its own by copro.notifications.sending.

    `calendar` is a .ics file e-mailed with it (METHOD:CANCEL for a cancellation).
    `emailed_already`: the caller has sent its own richer e-mail for this event (an invitation
    with its calendar file, say), so the e-mail route is recorded as sent, not sent again.
    """
    kind_info = kinds.get(kind)  # refuse unknown kinds loudly: a typo would otherwise tell nobody
    ids = {r.pk for r in recipients if r is not None}
    # One query for the people with their profile and quiet hours, one for their preferences.
    people = User.objects.filter(pk__in=ids, is_active=True).select_related(
        "profile", "quiet_hours"
    )
    preferences = {p.person_id: p for p in Preference.objects.filter(person__in=ids, kind=kind)}
    made = []
    for person in people:
        routes_now, frequency = routes.chosen(person, preferences.get(person.pk))
        if kind_info.urgent:
            frequency = Preference.Frequency.NOW
        with in_language_of(person):  # lazy strings become the person's language (issue 19)
            notification = _store(
                person,
                kind=kind,
                event_key=event_key,
                title=title,
                body=body,
                url=url,
                routes_now=routes_now,
                frequency=frequency,
                calendar=calendar.decode() if isinstance(calendar, bytes) else calendar,
                emailed_already=emailed_already,
            )
        if notification is not None:
            made.append(notification)
    return made


def _store(
    person,
    *,
    kind,
    event_key,
    title,
    body,
    url,
    routes_now,
    frequency,
    calendar="",
    emailed_already=False,
):
    now = timezone.now()
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=person,
                kind=kind,
                event_key=event_key[:200],
                title=str(title)[:200],
                body=str(body)[:5000],
                url=url[:500],
                calendar=calendar,
            )
            deliveries = [
                Delivery(
                    notification=notification, channel=Channel.SERVICE, state="sent", sent_at=now
                )
            ]
            deliveries += [
                _planned(notification, route, frequency, person, now) for route in routes_now
            ]
            for delivery in deliveries:
                if emailed_already and delivery.channel == Channel.EMAIL:
                    delivery.state, delivery.sent_at = Delivery.State.SENT, now
            Delivery.objects.bulk_create(deliveries)
    except IntegrityError:
        return None  # already told about this event
    from copro.notifications import sending  # the sender uses the models above; no cycle at import

    for delivery in deliveries:
        if delivery.state == Delivery.State.QUEUED and delivery.channel != Channel.POST:
            sending.schedule(delivery)
    return notification


def _planned(notification, route, frequency, person, now) -> Delivery:
    if frequency != Preference.Frequency.NOW:
        return Delivery(
            notification=notification,
            channel=route,
            state=Delivery.State.HELD,
            next_try_at=routes.next_summary_at(now, frequency),
        )
    next_try = now
    if route == Channel.TEXT:
        next_try = routes.quiet_until(getattr(person, "quiet_hours", None), now) or now
    return Delivery(notification=notification, channel=route, next_try_at=next_try)


def notification_mark_read(*, viewer: User, notification: Notification) -> None:
    if notification.recipient_id != viewer.pk:
        raise ValidationError("This is not your notification.")
    Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notification_mark_all_read(*, viewer: User) -> int:
    return Notification.objects.filter(recipient=viewer, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preference_set(
    *, person: User, kind: str, routes_chosen: list[str], frequency: str
) -> Preference:
    kinds.get(kind)
    allowed = {Channel.EMAIL, Channel.TEXT, Channel.POST}
    if any(route not in allowed for route in routes_chosen):
        raise ValidationError({"routes": "Choose email, text message or letter by post"})
    possible = routes.possible_routes(person)
    missing = [Channel(r).label.lower() for r in routes_chosen if r not in possible]
    if missing:
        raise ValidationError(
            {"routes": f"Add your details for {', '.join(missing)} first, on 'How to contact you'"}
        )
    preference, _ = Preference.objects.get_or_create(person=person, kind=kind)
    preference.routes = sorted(set(routes_chosen))
    preference.frequency = frequency
    preference.full_clean()
    preference.save()
    return preference


@transaction.atomic
def preferences_save(*, person: User, choices: dict[str, dict], quiet_starts, quiet_ends) -> None:
    """Save the whole preferences page at once: all of it, or nothing."""
    errors = {}
    for code, choice in choices.items():
        try:
            preference_set(
                person=person,
                kind=code,
                routes_chosen=choice["routes"],
                frequency=choice["frequency"],
            )
        except ValidationError as error:
            errors[f"routes_{code}"] = error.messages
    try:
        quiet_hours_set(person=person, starts=quiet_starts, ends=quiet_ends)
    except ValidationError as error:
        errors["quiet_starts"] = error.messages
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def quiet_hours_set(*, person: User, starts, ends) -> QuietHours | None:
    """Both times, or neither (no quiet hours)."""
    if starts is None and ends is None:
        QuietHours.objects.filter(person=person).delete()
        return None
    if starts is None or ends is None or starts == ends:
        raise ValidationError("Enter both times, and make them different, or leave both empty")
    # Quiet hours are clock times where the person lives: any offset sent with them is dropped.
    starts, ends = starts.replace(tzinfo=None), ends.replace(tzinfo=None)
    quiet, _ = QuietHours.objects.update_or_create(
        person=person, defaults={"starts": starts, "ends": ends}
    )
    return quiet


def post_mark_sent(*, person: User, up_to: int, by: User) -> int:
    """Staff posted the letter they printed: its deliveries (up to the last one printed) are
    sent. Two people clicking at once mark each delivery once."""
    count = Delivery.objects.filter(
        notification__recipient=person,
        channel=Channel.POST,
        state=Delivery.State.QUEUED,
        pk__lte=up_to,
    ).update(state=Delivery.State.SENT, sent_at=timezone.now())
    log.info("letters_posted", extra={"event": "letters_posted", "count": count, "by": by.pk})
    return count


def unread_count(*, viewer) -> int:
    if not getattr(viewer, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=viewer, read_at__isnull=True).count()
