"""Publishing, booking and cancelling clinics; the confirmation email to both people with a
calendar file that icalendar reads back."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from copro.community import services
from copro.community.models import ClinicBooking
from tests.community.world import make_slot
from tests.people.factories import UserFactory


def _future(days=3):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_a_host_publishes_a_clinic_in_a_venue_or_online(world):
    slot = services.clinic_slot_publish(
        host=world.ambassador,
        date=_future(),
        starts_at=datetime.time(9, 30),
        duration_minutes=45,
        topic="  Paying   people ",
        venue=None,
        online_link="https://meet.example.org/x",
    )
    assert slot.topic == "Paying people"
    assert slot.is_online and slot.created_by == world.ambassador


def test_a_clinic_in_the_past_is_refused(world):
    with pytest.raises(ValidationError) as error:
        services.clinic_slot_publish(
            host=world.ambassador,
            date=timezone.localdate() - datetime.timedelta(days=1),
            starts_at=datetime.time(9, 30),
            duration_minutes=30,
            topic="Too late",
            venue=world.venue,
            online_link="",
        )
    assert "future" in str(error.value)


def test_booking_a_free_clinic_gives_it_to_that_person_only(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.clinic_book(slot=world.free_slot, person=world.other_citizen)
    assert booking.status == "booked"
    with pytest.raises(ValidationError) as error:
        services.clinic_book(slot=world.free_slot, person=world.citizen)
    assert "someone has just booked this clinic" in str(error.value)
    assert ClinicBooking.objects.filter(slot=world.free_slot).count() == 1


def test_a_host_cannot_book_their_own_clinic(world):
    with pytest.raises(ValidationError, match="your own clinic"):
        services.clinic_book(slot=world.free_slot, person=world.ambassador)


def test_a_clinic_that_has_started_cannot_be_booked_or_cancelled(world):
    started = make_slot(world.ambassador, days=-1)
    with pytest.raises(ValidationError, match="already started"):
        services.clinic_book(slot=started, person=world.citizen)
    booking = ClinicBooking.objects.create(slot=started, person=world.citizen)
    with pytest.raises(ValidationError, match="already started"):
        services.clinic_cancel(booking=booking, by=world.citizen)


def test_cancelling_frees_the_clinic_for_someone_else(world):
    services.clinic_cancel(booking=world.booking, by=world.citizen)
    world.booking.refresh_from_db()
    assert world.booking.status == "cancelled"
    again = services.clinic_book(slot=world.booked_slot, person=world.other_citizen)
    assert again.status == "booked"
    # Cancelling twice changes nothing.
    assert services.clinic_cancel(booking=world.booking, by=world.citizen).status == "cancelled"


def _calendar(message) -> Calendar:
    (name, content, mimetype) = message.attachments[0]
    assert name == "advice-clinic.ics"
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def test_both_people_get_a_confirmation_with_a_calendar_file(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.clinic_book(
            slot=world.free_slot, person=world.other_citizen, question="Where do I start?"
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.other_citizen.email, world.ambassador.email]
    )
    for message in mail.outbox:
        assert message.subject == "Advice clinic booked: Getting started"
        event = _calendar(message).walk("VEVENT")[0]
        assert str(event["UID"]).startswith(f"clinic-booking-{booking.pk}@")
        assert event.decoded("DTSTART") == world.free_slot.starts
        assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(minutes=30)
        assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
        assert str(event["LOCATION"]).startswith("Town Hall")
    host_mail = next(m for m in mail.outbox if m.to == [world.ambassador.email])
    assert f"{world.other_citizen.display_name} has booked your advice clinic" in host_mail.body


def test_nobody_without_an_email_address_is_sent_anything(
    world, django_capture_on_commit_callbacks
):
    paper_only = UserFactory(email=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.clinic_book(slot=world.free_slot, person=paper_only)
    assert [m.to for m in mail.outbox] == [[world.ambassador.email]]


def test_io8_a_topic_with_new_lines_stays_one_summary_in_the_calendar(
    world, django_capture_on_commit_callbacks
):
    slot = make_slot(world.ambassador, topic="Tea\r\nATTENDEE:mailto:evil@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.clinic_book(slot=slot, person=world.other_citizen)
    event = _calendar(mail.outbox[0]).walk("VEVENT")[0]
    assert "ATTENDEE" not in event
    assert str(event["SUMMARY"]).startswith("Advice clinic: Tea")
    assert "\r\n" not in mail.outbox[0].subject and "\n" not in mail.outbox[0].subject
