"""Booking, the waiting list, cancelling, attendance and completion."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from copro.learning import services
from copro.learning.models import Booking
from tests.learning.world import complete, make_session, make_world
from tests.people.factories import UserFactory


def book(session, person, confirmed=True):
    return services.booking_make(session=session, person=person, by=person, confirmed=confirmed)


def status_of(session, person) -> str:
    return Booking.objects.get(session=session, person=person).status


@pytest.mark.django_db
def test_a_place_is_booked_while_there_is_room_then_people_wait_in_order(world):
    session = make_session(world.level_1, world.ambassador, capacity=2)
    people = UserFactory.create_batch(4)
    statuses = [book(session, p).status for p in people]
    assert statuses == ["booked", "booked", "waiting", "waiting"]


@pytest.mark.django_db
def test_one_cancellation_promotes_the_first_person_waiting(world):
    session = make_session(world.level_1, world.ambassador, capacity=1)
    first, second, third = UserFactory.create_batch(3)
    for person in (first, second, third):
        book(session, person)
    promoted = services.booking_cancel(
        booking=Booking.objects.get(session=session, person=first), by=first
    )
    assert [b.person for b in promoted] == [second]
    assert status_of(session, second) == "booked"
    assert status_of(session, third) == "waiting"
    assert status_of(session, first) == "cancelled"


@pytest.mark.django_db
def test_two_cancellations_promote_two_people(world):
    session = make_session(world.level_1, world.ambassador, capacity=2)
    a, b, c, d, e = UserFactory.create_batch(5)
    for person in (a, b, c, d, e):
        book(session, person)
    for person in (a, b):
        services.booking_cancel(
            booking=Booking.objects.get(session=session, person=person), by=person
        )
    assert [status_of(session, p) for p in (c, d, e)] == ["booked", "booked", "waiting"]


@pytest.mark.django_db
def test_leaving_the_waiting_list_promotes_nobody(world):
    session = make_session(world.level_1, world.ambassador, capacity=1)
    a, b, c = UserFactory.create_batch(3)
    for person in (a, b, c):
        book(session, person)
    promoted = services.booking_cancel(booking=Booking.objects.get(session=session, person=b), by=b)
    assert promoted == []
    assert status_of(session, a) == "booked" and status_of(session, c) == "waiting"


@pytest.mark.django_db
def test_booking_again_after_cancelling_joins_the_back_of_the_queue(world):
    session = make_session(world.level_1, world.ambassador, capacity=1)
    a, b = UserFactory.create_batch(2)
    book(session, a)
    services.booking_cancel(booking=Booking.objects.get(session=session, person=a), by=a)
    book(session, b)
    assert book(session, a).status == "waiting"


@pytest.mark.django_db
def test_asking_twice_is_refused(world):
    person = UserFactory()
    book(world.session_1, person)
    with pytest.raises(ValidationError, match="already asked for a place"):
        book(world.session_1, person)
    assert Booking.objects.filter(person=person).count() == 1


@pytest.mark.django_db
def test_a_session_that_has_started_cannot_be_booked(world):
    past = make_session(world.level_1, world.ambassador, days=-1)
    with pytest.raises(ValidationError, match="already started"):
        book(past, UserFactory())
    assert not past.bookings.exists()


@pytest.mark.django_db
def test_level_2_before_level_1_asks_for_confirmation(world):
    person = UserFactory()
    with pytest.raises(services.ConfirmationNeeded) as needed:
        book(world.session_2, person, confirmed=False)
    assert needed.value.missing == [world.level_1]
    assert not Booking.objects.exists()
    assert book(world.session_2, person, confirmed=True).status == "booked"


@pytest.mark.django_db
def test_level_2_after_completing_level_1_needs_no_confirmation(world):
    person = UserFactory()
    complete(person, world.level_1, world.ambassador)
    assert book(world.session_2, person, confirmed=False).status == "booked"
    with pytest.raises(services.ConfirmationNeeded) as needed:
        book(world.session_3, person, confirmed=False)
    assert needed.value.missing == [world.level_2]


@pytest.mark.django_db
def test_attendance_and_completion_are_recorded_for_people_with_a_place(world):
    a, b = UserFactory.create_batch(2)
    booking_a, booking_b = book(world.session_1, a), book(world.session_1, b)
    services.attendance_record(
        session=world.session_1,
        attended=[booking_a.pk, booking_b.pk],
        completed=[booking_a.pk],
        by=world.ambassador,
    )
    booking_a.refresh_from_db()
    booking_b.refresh_from_db()
    assert (booking_a.attended, booking_a.completed) == (True, True)
    assert (booking_b.attended, booking_b.completed) == (True, False)


@pytest.mark.django_db
def test_completing_without_coming_is_refused(world):
    booking = book(world.session_1, UserFactory())
    with pytest.raises(ValidationError, match="came to the session"):
        services.attendance_record(
            session=world.session_1, attended=[], completed=[booking.pk], by=world.ambassador
        )
    booking.refresh_from_db()
    assert not booking.completed


@pytest.mark.django_db
def test_az6_a_booking_from_another_session_refuses_the_whole_request(world):
    ours = book(world.session_1, UserFactory())
    theirs = book(world.session_3, UserFactory(), confirmed=True)
    with pytest.raises(ValidationError):
        services.attendance_record(
            session=world.session_1,
            attended=[ours.pk, theirs.pk],
            completed=[ours.pk, theirs.pk],
            by=world.ambassador,
        )
    assert not Booking.objects.filter(attended=True).exists()


class TestCapacityIsNeverExceeded(TestCase):
    """Any order of bookings and cancellations: never more booked than places, nobody waits
    while a place is free, and the waiting list keeps its order."""

    @given(
        capacity=st.integers(min_value=1, max_value=3),
        steps=st.lists(
            st.tuples(st.sampled_from(["book", "cancel"]), st.integers(0, 5)), max_size=25
        ),
    )
    def test_invariants_hold(self, capacity, steps):
        world = make_world()
        session = make_session(world.level_1, world.ambassador, capacity=capacity)
        people = UserFactory.create_batch(6)
        for action, index in steps:
            person = people[index]
            booking = Booking.objects.filter(session=session, person=person).first()
            active = booking is not None and booking.status != "cancelled"
            if action == "book" and not active:
                book(session, person)
            elif action == "cancel" and active:
                services.booking_cancel(booking=booking, by=person)
            booked = session.bookings.filter(status="booked").count()
            waiting = session.bookings.filter(status="waiting").count()
            assert booked <= capacity
            assert waiting == 0 or booked == capacity
