"""Reads for the learning pages: levels and progress, sessions, bookings, the toolkit, quizzes."""

import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from copro.framework.models import TrainingLevel
from copro.learning.models import Booking, QuizAttempt, QuizQuestion, ToolkitEntry, TrainingSession
from copro.people.models import User


def levels_completed(*, person: User) -> set[int]:
    """The ids of the training levels the person has completed."""
    return set(
        Booking.objects.filter(person=person, completed=True).values_list(
            "session__level_id", flat=True
        )
    )


def levels_missing_before(*, person: User, level: TrainingLevel) -> list[TrainingLevel]:
    """The levels that come before `level` which the person has not completed yet."""
    done = levels_completed(person=person)
    return [
        earlier
        for earlier in TrainingLevel.objects.filter(order__lt=level.order)
        if earlier.pk not in done
    ]


def toolkit_unlocked(*, person: User) -> bool:
    """Only completing a level that opens the toolkit (Level 3) does; no role does."""
    if not person.is_authenticated:
        return False
    return Booking.objects.filter(
        person=person, completed=True, session__level__unlocks_toolkit=True
    ).exists()


def toolkit_entries() -> list[ToolkitEntry]:
    return list(ToolkitEntry.objects.filter(is_published=True))


def _with_places(sessions: QuerySet[TrainingSession]) -> QuerySet[TrainingSession]:
    return sessions.select_related("level", "venue", "ambassador").annotate(
        booked_count=Count("bookings", filter=Q(bookings__status=Booking.Status.BOOKED)),
        waiting_count=Count("bookings", filter=Q(bookings__status=Booking.Status.WAITING)),
    )


def sessions_upcoming() -> list[TrainingSession]:
    today = timezone.localdate()
    return list(
        _with_places(TrainingSession.objects.filter(date__gte=today, cancelled_at__isnull=True))
    )


def session_with_places(*, pk: int) -> TrainingSession | None:
    return _with_places(TrainingSession.objects.filter(pk=pk)).first()


def bookings_of(*, person: User) -> list[Booking]:
    """The person's own bookings, not cancelled ones, soonest first."""
    return list(
        Booking.objects.filter(person=person)
        .exclude(status=Booking.Status.CANCELLED)
        .select_related("session__level", "session__venue")
        .order_by("session__date", "session__starts_at")
    )


def waiting_position(*, booking: Booking) -> int:
    """1 for the first person waiting, and so on."""
    ahead = booking.session.bookings.filter(
        status=Booking.Status.WAITING, queued_at__lt=booking.queued_at
    ).count()
    return ahead + 1


def session_people(*, session: TrainingSession) -> list[Booking]:
    """Everyone with a place or waiting, for the person running the session."""
    return list(
        session.bookings.exclude(status=Booking.Status.CANCELLED)
        .select_related("person")
        .order_by("status", "queued_at", "pk")
    )


def quiz_questions() -> list[QuizQuestion]:
    return list(QuizQuestion.objects.filter(is_active=True))


def quiz_attempts_of(*, person: User) -> list[QuizAttempt]:
    return list(QuizAttempt.objects.filter(person=person))


def quiz_latest_attempt(*, person: User) -> QuizAttempt | None:
    return QuizAttempt.objects.filter(person=person).first()


SESSIONS_RUN_DAYS_BACK = 60


def sessions_run_by(*, viewer: User) -> list[TrainingSession]:
    """Sessions from the last two months and to come: an ambassador's own; every session for
    council staff, who can run any of them."""
    since = timezone.localdate() - datetime.timedelta(days=SESSIONS_RUN_DAYS_BACK)
    sessions = TrainingSession.objects.filter(date__gte=since)
    if not viewer.is_council_staff:
        sessions = sessions.filter(ambassador=viewer)
    return list(_with_places(sessions))
