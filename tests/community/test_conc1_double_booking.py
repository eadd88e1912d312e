"""CONC-1: two people booking the same clinic at once. The slot's row is locked while a booking
is made, and a partial unique constraint allows one live booking per slot, so exactly one
person gets it and the others are told plainly that it has gone."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from copro.community import services
from copro.community.models import ClinicBooking
from tests.community.world import make_slot, make_world
from tests.concurrency import run_together, skip_on_sqlite
from tests.people.factories import UserFactory

# serialized_rollback puts back the guidance rows (the network groups) that the flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_conc1_many_people_booking_one_clinic_at_once_give_it_to_one():
    skip_on_sqlite()
    world = make_world()
    racers = UserFactory.create_batch(8)
    jobs = [(lambda p=p: services.clinic_book(slot=world.free_slot, person=p)) for p in racers]
    errors = run_together(jobs)
    assert ClinicBooking.objects.filter(slot=world.free_slot, status="booked").count() == 1
    assert len(errors) == 7
    assert all(isinstance(e, ValidationError) for e in errors)
    assert all("someone has just booked this clinic" in " ".join(e.messages) for e in errors)


def test_conc1_the_database_refuses_a_second_live_booking_whatever_the_code_does():
    world = make_world()
    with pytest.raises(IntegrityError), transaction.atomic():
        ClinicBooking.objects.create(slot=world.booked_slot, person=world.other_citizen)
    assert ClinicBooking.objects.filter(slot=world.booked_slot).count() == 1
    # A cancelled booking does not hold the slot.
    ClinicBooking.objects.filter(pk=world.booking.pk).update(status="cancelled")
    ClinicBooking.objects.create(slot=world.booked_slot, person=world.other_citizen)


def test_conc1_a_lost_race_past_the_check_still_gets_the_plain_message(monkeypatch):
    """If the check in the service were ever passed by two requests, the constraint turns the
    second into the same plain message, and nothing is half-saved."""
    world = make_world()
    slot = make_slot(world.ambassador, days=5)
    ClinicBooking.objects.create(slot=slot, person=world.citizen)

    class NoneFound:
        def exists(self):
            return False

    # Blind the service's own check, as if another request had booked a moment after it.
    monkeypatch.setattr(type(slot.bookings), "filter", lambda self, **kw: NoneFound())
    with pytest.raises(ValidationError, match="someone has just booked"):
        services.clinic_book(slot=slot, person=world.other_citizen)
    assert ClinicBooking.objects.filter(slot=slot).count() == 1
