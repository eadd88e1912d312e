"""CONC-1: limited places under concurrent requests. Real threads need PostgreSQL's row locks;
SQLite lets one writer in at a time, so these skip there with a reason."""

import pytest

from copro.learning import services
from copro.learning.models import Booking
from tests.concurrency import run_together, skip_on_sqlite
from tests.learning.world import make_session, make_world
from tests.people.factories import UserFactory

# serialized_rollback puts back the guidance rows (the levels) that the flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_conc1_many_people_booking_the_last_place_at_once_get_one_place():
    skip_on_sqlite()
    world = make_world()
    session = make_session(world.level_1, world.ambassador, capacity=3)
    for person in UserFactory.create_batch(2):
        services.booking_make(session=session, person=person, by=person)
    racers = UserFactory.create_batch(8)
    jobs = [(lambda p=p: services.booking_make(session=session, person=p, by=p)) for p in racers]
    assert run_together(jobs) == []
    assert session.bookings.filter(status="booked").count() == 3
    assert session.bookings.filter(status="waiting", person__in=racers).count() == 7


def test_conc1_two_cancellations_at_once_promote_two_people():
    skip_on_sqlite()
    world = make_world()
    session = make_session(world.level_1, world.ambassador, capacity=2)
    a, b, c, d, e = UserFactory.create_batch(5)
    for person in (a, b, c, d, e):
        services.booking_make(session=session, person=person, by=person)
    jobs = [
        (
            lambda p=p: services.booking_cancel(
                booking=Booking.objects.get(session=session, person=p), by=p
            )
        )
        for p in (a, b)
    ]
    assert run_together(jobs) == []
    statuses = {p: Booking.objects.get(session=session, person=p).status for p in (c, d, e)}
    assert statuses == {c: "booked", d: "booked", e: "waiting"}
    assert session.bookings.filter(status="booked").count() == 2


def test_conc1_cancelling_and_booking_at_once_never_exceed_capacity():
    skip_on_sqlite()
    world = make_world()
    session = make_session(world.level_1, world.ambassador, capacity=2)
    holders = UserFactory.create_batch(2)
    for person in holders:
        services.booking_make(session=session, person=person, by=person)
    newcomers = UserFactory.create_batch(6)
    jobs = [
        (lambda p=p: services.booking_make(session=session, person=p, by=p)) for p in newcomers
    ] + [
        (
            lambda p=p: services.booking_cancel(
                booking=Booking.objects.get(session=session, person=p), by=p
            )
        )
        for p in holders
    ]
    assert run_together(jobs) == []
    assert session.bookings.filter(status="booked").count() == 2
    assert session.bookings.filter(status="waiting").count() == 4
