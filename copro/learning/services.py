"""Writes for training and the quiz. Each runs in one transaction.

Booking and cancelling lock the session's row first (`select_for_update`), so places are
counted and the waiting list is moved on by one request at a time for each session: two
cancellations at once promote two people, and a session never has more people booked than it
has places (CONC-1).
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from copro.learning import selectors
from copro.learning.models import Booking, QuizAnswer, QuizAttempt, QuizQuestion, TrainingSession
from copro.people.models import User


class ConfirmationNeeded(Exception):
    """The person has not completed the levels before this one and has not said they are sure."""

    def __init__(self, missing: list) -> None:
        super().__init__("Earlier levels not completed")
        self.missing = missing


def _locked(session: TrainingSession) -> TrainingSession:
    return TrainingSession.objects.select_for_update().get(pk=session.pk)


def _promote_waiting(session: TrainingSession, *, by: User) -> list[Booking]:
    """Fill free places from the front of the waiting list. Call with the session locked."""
    booked = session.bookings.filter(status=Booking.Status.BOOKED).count()
    free = session.capacity - booked
    if free <= 0:
        return []
    waiting = list(
        session.bookings.filter(status=Booking.Status.WAITING).order_by("queued_at", "pk")[:free]
    )
    for booking in waiting:
        booking.status = Booking.Status.BOOKED
        booking.updated_by = by
        booking.save(update_fields=["status", "updated_by", "updated_at"])
    return waiting


def booking_make(
    *, session: TrainingSession, person: User, by: User, confirmed: bool = False
) -> Booking:
    """Book a place, or join the waiting list when the session is full.

    Raises `ConfirmationNeeded` when earlier levels are not completed and the person has not
    confirmed, and `ValidationError` when the session has started or they already have a place.
    """
    missing = selectors.levels_missing_before(person=person, level=session.level)
    if missing and not confirmed:
        raise ConfirmationNeeded(missing)
    with transaction.atomic():
        session = _locked(session)
        if session.cancelled_at is not None:
            raise ValidationError("This session has been cancelled, so it cannot be booked.")
        if session.has_started():
            raise ValidationError("This session has already started, so it cannot be booked.")
        booking = Booking.objects.filter(session=session, person=person).first()
        if booking is not None and booking.status != Booking.Status.CANCELLED:
            raise ValidationError("You have already asked for a place on this session.")
        booked = session.bookings.filter(status=Booking.Status.BOOKED).count()
        waiting = session.bookings.filter(status=Booking.Status.WAITING).exists()
        full = booked >= session.capacity or waiting
        status = Booking.Status.WAITING if full else Booking.Status.BOOKED
        if booking is None:
            booking = Booking(session=session, person=person, created_by=by)
        booking.status = status
        booking.queued_at = timezone.now()
        booking.updated_by = by
        booking.full_clean()
        booking.save()
    return booking


def booking_cancel(*, booking: Booking, by: User) -> list[Booking]:
    """Give up a place (or leave the waiting list). Returns the bookings promoted as a result."""
    with transaction.atomic():
        session = _locked(booking.session)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status == Booking.Status.CANCELLED:
            return []
        if session.has_started():
            raise ValidationError("This session has already started, so it cannot be cancelled.")
        booking.status = Booking.Status.CANCELLED
        booking.updated_by = by
        booking.save(update_fields=["status", "updated_by", "updated_at"])
        return _promote_waiting(session, by=by)


def attendance_record(
    *,
    session: TrainingSession,
    attended: Iterable[int],
    completed: Iterable[int],
    by: User,
) -> None:
    """Record who came and who completed the session, by booking id. Only people with a place
    on this session are touched; ids of other bookings are refused as a whole (AZ-6)."""
    attended, completed = set(attended), set(completed)
    if completed - attended:
        raise ValidationError("Only someone who came to the session can complete it.")
    with transaction.atomic():
        session = _locked(session)
        bookings = list(session.bookings.filter(status=Booking.Status.BOOKED))
        if attended - {b.pk for b in bookings}:
            raise ValidationError("Only people with a place on this session can be recorded.")
        for booking in bookings:
            booking.attended = booking.pk in attended
            booking.completed = booking.pk in completed
            booking.updated_by = by
            booking.save(update_fields=["attended", "completed", "updated_by", "updated_at"])


def is_right(question: QuizQuestion, chosen: Iterable[int]) -> bool:
    """Right only when the person chose exactly the right options, no more and no fewer."""
    return sorted(set(chosen)) == sorted(question.correct)


def quiz_submit(
    *, person: User, answers: dict[int, list[int]], questions: list[QuizQuestion]
) -> QuizAttempt:
    """Score a go at the quiz and keep it. `answers` maps a question's id to the options chosen."""
    with transaction.atomic():
        marked = [(q, sorted(set(answers.get(q.pk, [])))) for q in questions]
        score = sum(1 for q, chosen in marked if is_right(q, chosen))
        attempt = QuizAttempt.objects.create(
            person=person, score=score, out_of=len(questions), created_by=person
        )
        QuizAnswer.objects.bulk_create(
            QuizAnswer(attempt=attempt, question=q, chosen=chosen, is_right=is_right(q, chosen))
            for q, chosen in marked
        )
    return attempt
