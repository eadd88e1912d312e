"""Writes for clinics and case studies. Each runs in one transaction.

Booking locks the slot's row first (`select_for_update`), and a partial unique constraint
allows one live booking per slot, so two people pressing "Book" at once never both get the
same clinic (CONC-1): the second is told plainly that it has just gone.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from copro.community.models import CaseStudy, ClinicBooking, ClinicSlot
from copro.meetings.models import Venue
from copro.people.models import User
from copro.projects.models import Project

JUST_GONE = "Sorry, someone has just booked this clinic. Please choose another time."


def clinic_slot_publish(
    *,
    host: User,
    date: datetime.date,
    starts_at: datetime.time,
    duration_minutes: int,
    topic: str,
    venue: Venue | None,
    online_link: str,
) -> ClinicSlot:
    """Offer a clinic appointment. Its time must be in the future."""
    slot = ClinicSlot(
        host=host,
        date=date,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        topic=" ".join(topic.split()),
        venue=venue if venue is not None else None,
        online_link="" if venue is not None else online_link,
        created_by=host,
        updated_by=host,
    )
    if slot.has_started():
        raise ValidationError({"date": "Choose a time in the future."})
    with transaction.atomic():
        slot.full_clean()
        slot.save()
    return slot


def _locked(slot: ClinicSlot) -> ClinicSlot:
    return ClinicSlot.objects.select_for_update().get(pk=slot.pk)


def clinic_book(*, slot: ClinicSlot, person: User, question: str = "") -> ClinicBooking:
    """Book a free clinic for `person`. Raises ValidationError when it has started, is the
    person's own clinic, or has just been taken."""
    with transaction.atomic():
        slot = _locked(slot)
        if slot.has_started():
            raise ValidationError("This clinic has already started, so it cannot be booked.")
        if slot.host_id == person.pk:
            raise ValidationError("This is your own clinic, so you cannot book it.")
        if slot.bookings.filter(status=ClinicBooking.Status.BOOKED).exists():
            raise ValidationError(JUST_GONE)
        booking = ClinicBooking(
            slot=slot,
            person=person,
            question=question.strip(),
            created_by=person,
            updated_by=person,
        )
        booking.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():  # a savepoint: the constraint is the last word
                booking.save()
        except IntegrityError:
            raise ValidationError(JUST_GONE) from None
        transaction.on_commit(lambda: _send_confirmation(booking.pk))
    return booking


def _send_confirmation(pk: int) -> None:
    from copro.community.emails import send_booking_confirmation

    send_booking_confirmation(booking_id=pk)


def clinic_cancel(*, booking: ClinicBooking, by: User) -> ClinicBooking:
    """Cancel a booking (the person booked, or the host). The clinic becomes free again."""
    with transaction.atomic():
        slot = _locked(booking.slot)
        booking = ClinicBooking.objects.select_for_update().get(pk=booking.pk)
        if booking.status == ClinicBooking.Status.CANCELLED:
            return booking
        if slot.has_started():
            raise ValidationError("This clinic has already started, so it cannot be cancelled.")
        booking.status = ClinicBooking.Status.CANCELLED
        booking.updated_by = by
        booking.save(update_fields=["status", "updated_by", "updated_at"])
    return booking


def clinic_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind both people of each clinic that starts within the next day. Each booking is
    claimed (marked reminded) in the transaction that sends it, so running this twice, or in
    two processes at once, sends each reminder once."""
    from copro.community.emails import send_reminder

    now = now or timezone.now()
    soon = now + datetime.timedelta(days=1)
    today, last_day = timezone.localdate(now), timezone.localdate(soon)
    candidates = ClinicBooking.objects.filter(
        status=ClinicBooking.Status.BOOKED,
        reminded_at__isnull=True,
        slot__date__gte=today,
        slot__date__lte=last_day,
    ).select_related("slot")
    due = [b.pk for b in candidates if now < b.slot.starts <= soon]
    sent = 0
    for pk in due:
        with transaction.atomic():
            claimed = ClinicBooking.objects.filter(
                pk=pk, reminded_at__isnull=True, status=ClinicBooking.Status.BOOKED
            ).update(reminded_at=now)
            if claimed:
                send_reminder(booking_id=pk)
                sent += 1
    return sent


def case_study_save(
    *,
    project: Project,
    by: User,
    fields: dict[str, str],
    publish: bool,
    case_study: CaseStudy | None = None,
) -> CaseStudy:
    """Write or change a case study of a published project, and publish it or keep it as a
    draft. `fields` holds the summary, the four stages and the lessons, nothing else."""
    allowed = {"summary", "lessons", *CaseStudy.STAGE_FIELDS}
    with transaction.atomic():
        if case_study is None:
            if CaseStudy.objects.filter(project=project).exists():
                raise ValidationError("This project already has a case study.")
            case_study = CaseStudy(project=project, created_by=by)
        if project.visibility != Project.Visibility.PUBLIC:
            raise ValidationError("Only a published project can become a case study.")
        for name, value in fields.items():
            if name in allowed:
                setattr(case_study, name, value.strip())
        if not any(getattr(case_study, s) for s in CaseStudy.STAGE_FIELDS):
            raise ValidationError("Say what the project did in at least one stage.")
        was_published = case_study.is_published
        case_study.status = CaseStudy.Status.PUBLISHED if publish else CaseStudy.Status.DRAFT
        if publish and not was_published:
            case_study.published_at = timezone.now()
        case_study.updated_by = by
        case_study.full_clean()
        case_study.save()
    return case_study
