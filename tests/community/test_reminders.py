"""`copro clinic_reminders`: both people of each clinic in the next day get one reminder, with
the calendar file, however often the command runs."""

import datetime
from io import StringIO

import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from copro.community import services
from copro.community.models import ClinicBooking
from tests.community.world import make_slot


def _run() -> str:
    out = StringIO()
    call_command("clinic_reminders", stdout=out)
    return out.getvalue()


def test_clinics_in_the_next_day_are_reminded_once_even_if_run_twice(world):
    today = timezone.localdate()
    tomorrow_slot = make_slot(world.ambassador, days=1, hour=9)
    soon = ClinicBooking.objects.create(slot=tomorrow_slot, person=world.other_citizen)
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(12, 0)))
    with time_machine.travel(now, tick=False):
        assert "Reminders sent for 1 clinic." in _run()
        assert "Reminders sent for 0 clinics." in _run()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.other_citizen.email, world.ambassador.email]
    )
    assert all(m.subject.startswith("Reminder: advice clinic") for m in mail.outbox)
    assert all(m.attachments[0][0] == "advice-clinic.ics" for m in mail.outbox)
    soon.refresh_from_db()
    assert soon.reminded_at is not None
    # The world's clinics are three and four days away: not yet.
    world.booking.refresh_from_db()
    assert world.booking.reminded_at is None


def test_cancelled_and_past_clinics_are_not_reminded(world):
    tomorrow_slot = make_slot(world.ambassador, days=1, hour=9)
    cancelled = ClinicBooking.objects.create(slot=tomorrow_slot, person=world.other_citizen)
    services.clinic_cancel(booking=cancelled, by=world.other_citizen)
    past = make_slot(world.ambassador, days=-1)
    ClinicBooking.objects.create(slot=past, person=world.citizen)
    assert services.clinic_reminders_send() == 0
    assert mail.outbox == []


def test_a_reminder_goes_when_the_clinic_comes_within_a_day(world):
    with time_machine.travel(world.booked_slot.starts - datetime.timedelta(hours=30), tick=False):
        assert services.clinic_reminders_send() == 0
    with time_machine.travel(world.booked_slot.starts - datetime.timedelta(hours=20), tick=False):
        assert services.clinic_reminders_send() == 1
    with time_machine.travel(world.booked_slot.starts - datetime.timedelta(hours=2), tick=False):
        assert services.clinic_reminders_send() == 0
    assert len(mail.outbox) == 2
