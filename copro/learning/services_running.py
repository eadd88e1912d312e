"""Writes for the people who run training: scheduling, changing and cancelling sessions, adding
someone who walked in to the register, and the toolkit library (issue 17: no admin site needed).

Everyone with a place or on the waiting list is told through notify() when a session they are
on changes or is cancelled. Each function runs in one transaction.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from copro.learning.models import Booking, ToolkitEntry, TrainingSession
from copro.notifications.services import notify
from copro.people.models import User

SESSION_FIELDS = (
    "level",
    "ambassador",
    "date",
    "starts_at",
    "venue",
    "online_link",
    "capacity",
    "notes",
)
TOOLKIT_FIELDS = ("title", "kind", "description", "url", "transcript", "order")


def _people_on(session: TrainingSession) -> list[User]:
    return [
        b.person
        for b in session.bookings.exclude(status=Booking.Status.CANCELLED).select_related("person")
    ]


@transaction.atomic
def session_schedule(*, by: User, **fields) -> TrainingSession:
    session = TrainingSession(created_by=by, updated_by=by, **fields)
    if session.date < timezone.localdate():
        raise ValidationError({"date": "The date must be today or in the future"})
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def session_change(*, session: TrainingSession, by: User, **fields) -> TrainingSession:
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if session.cancelled_at is not None:
        raise ValidationError("This session has been cancelled, so it cannot be changed.")
    before = (session.date, session.starts_at, session.venue_id, session.online_link)
    for name, value in fields.items():
        setattr(session, name, value)
    booked = session.bookings.filter(status=Booking.Status.BOOKED).count()
    if session.capacity < booked:
        raise ValidationError(
            {"capacity": f"{booked} people already have a place: give at least {booked} places"}
        )
    session.updated_by = by
    session.full_clean()
    session.save()
    if (session.date, session.starts_at, session.venue_id, session.online_link) != before:
        notify(
            recipients=_people_on(session),
            kind="training_changed",
            event_key=f"training:{session.pk}:changed:{timezone.now():%Y%m%d%H%M%S}",
            title=f"{session.level.name} training has changed",
            body=f"The session is now on {session.date:%-d %B %Y}. Check the time and place.",
            url=session.get_absolute_url(),
        )
    return session


@transaction.atomic
def session_cancel(*, session: TrainingSession, by: User, reason: str) -> TrainingSession:
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if session.cancelled_at is not None:
        return session
    if not reason.strip():
        raise ValidationError({"reason": "Say why, so the people booked know"})
    session.cancelled_at = timezone.now()
    session.updated_by = by
    session.save(update_fields=["cancelled_at", "updated_by", "updated_at"])
    notify(
        recipients=_people_on(session),
        kind="training_cancelled",
        event_key=f"training:{session.pk}:cancelled",
        title=f"{session.level.name} training on {session.date:%-d %B %Y} is cancelled",
        body=reason.strip(),
        url="/learning/",
    )
    return session


@transaction.atomic
def walk_in_add(*, session: TrainingSession, email: str, by: User) -> Booking:
    """Someone who came without booking: on the register, marked as come. A session that is
    full still takes them (they are in the room); they must have an account."""
    person = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise ValidationError(
            {"email": "Nobody has an account with that email address. Ask them to sign up first"}
        )
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if session.cancelled_at is not None:
        raise ValidationError("This session has been cancelled.")
    if session.date > timezone.localdate():
        raise ValidationError("You can add someone who walked in on the day of the session.")
    booking = Booking.objects.filter(session=session, person=person).first()
    if booking is None:
        booking = Booking(session=session, person=person, created_by=by)
    booking.status = Booking.Status.BOOKED
    booking.attended = True
    booking.updated_by = by
    booking.full_clean()
    booking.save()
    return booking


@transaction.atomic
def toolkit_entry_save(*, by: User, entry: ToolkitEntry | None = None, **fields) -> ToolkitEntry:
    entry = entry or ToolkitEntry(created_by=by, is_published=True)
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.updated_by = by
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def toolkit_entry_retire(*, entry: ToolkitEntry, by: User) -> ToolkitEntry:
    """Taken out of the toolkit, not deleted: it can be put back by changing it."""
    entry.is_published = False
    entry.updated_by = by
    entry.save(update_fields=["is_published", "updated_by", "updated_at"])
    return entry
