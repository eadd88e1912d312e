"""The clinic pages: offering a clinic through the form, booking and cancelling, the .ics
download, and bounded query counts."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from copro.community.models import ClinicBooking, ClinicSlot
from tests.community.world import make_slot
from tests.people.factories import UserFactory


def _form(**changes) -> dict:
    data = {
        "topic": "Sharing power",
        "date": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
        "start_time": "14:30",
        "duration_minutes": "40",
        "format": "in_person",
        "venue": "",
        "online_link": "",
    }
    return {**data, **changes}


def test_an_ambassador_offers_a_clinic_at_a_venue(client, world, sign_in):
    sign_in(world.ambassador)
    response = client.post(reverse("community:slot_new"), _form(venue=world.venue.pk))
    slot = ClinicSlot.objects.get(topic="Sharing power")
    assert response.status_code == 302 and response["Location"] == slot.get_absolute_url()
    assert slot.host == world.ambassador and slot.venue == world.venue
    assert slot.starts_at == datetime.time(14, 30) and slot.duration_minutes == 40


def test_io9_bad_clinic_input_is_explained_beside_each_field_and_nothing_saved(
    client, world, sign_in
):
    sign_in(world.staff)
    before = ClinicSlot.objects.count()
    cases = [
        (_form(), "Choose a venue for an in-person clinic"),
        (_form(format="online"), "Enter the link for an online clinic"),
        (_form(format="online", online_link="javascript:alert(1)"), "Enter the full link"),
        (_form(format="online", online_link="http://x.example.org"), "starting with https://"),
        (_form(venue=world.venue.pk, duration_minutes="5"), "at least 10 minutes"),
        (_form(venue=world.venue.pk, duration_minutes="lots"), "Enter a whole number"),
        (_form(venue=world.venue.pk, date="31/02/2027"), "Enter a real date"),
        (_form(venue=world.venue.pk, topic=" "), "Enter what the clinic can help with"),
        (_form(venue="999999"), "Choose a venue from the list"),
        (_form(venue=world.venue.pk, date="2020-01-01"), "Choose a time in the future"),
    ]
    for data, message in cases:
        response = client.post(reverse("community:slot_new"), data)
        assert response.status_code == 200, message
        assert "There is a problem" in response.text, message
        assert message in response.text, message
        assert "<title>Error: " in response.text
    assert ClinicSlot.objects.count() == before


def test_a_citizen_books_a_clinic_and_sees_the_booking(
    client, world, sign_in, django_capture_on_commit_callbacks
):
    sign_in(world.other_citizen)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:book", kwargs={"pk": world.free_slot.pk}), {"question": "How?"}
        )
    booking = ClinicBooking.objects.get(slot=world.free_slot)
    assert response["Location"] == booking.get_absolute_url()
    assert booking.person == world.other_citizen and booking.question == "How?"
    assert len(mail.outbox) == 2
    page = client.get(booking.get_absolute_url())
    assert "Add it to your calendar" in page.text and "How?" in page.text


def test_booking_a_taken_clinic_says_so_plainly(client, world, sign_in):
    sign_in(world.other_citizen)
    response = client.post(
        reverse("community:book", kwargs={"pk": world.booked_slot.pk}), follow=True
    )
    assert "someone has just booked this clinic" in response.text
    assert ClinicBooking.objects.filter(slot=world.booked_slot).count() == 1


def test_the_online_link_is_shown_only_to_the_two_people(client, world, sign_in):
    sign_in(world.other_citizen)
    url = reverse("community:slot", kwargs={"pk": world.booked_slot.pk})
    assert "meet.example.org" not in client.get(url).text
    sign_in(world.citizen)
    assert "meet.example.org" in client.get(url).text
    sign_in(world.ambassador)
    assert "meet.example.org" in client.get(url).text


def test_the_booker_cancels_and_the_clinic_is_free_again(client, world, sign_in):
    sign_in(world.citizen)
    client.post(reverse("community:cancel", kwargs={"pk": world.booking.pk}))
    world.booking.refresh_from_db()
    assert world.booking.status == "cancelled"
    sign_in(world.other_citizen)
    page = client.get(reverse("community:slot", kwargs={"pk": world.booked_slot.pk}))
    assert "Book this clinic" in page.text


def test_the_ics_download_reads_back_with_icalendar(client, world, sign_in):
    sign_in(world.citizen)
    response = client.get(reverse("community:booking_ics", kwargs={"pk": world.booking.pk}))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="advice-clinic.ics"'
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Advice clinic: Getting started"
    assert event.decoded("DTSTART") == world.booked_slot.starts
    assert str(event["LOCATION"]) == "Online"
    assert "https://meet.example.org/clinic" in str(event["DESCRIPTION"])


def test_the_clinics_page_has_bounded_queries(
    client, world, sign_in, django_assert_max_num_queries
):
    sign_in(world.ambassador)
    for days in range(5, 25):
        slot = make_slot(world.ambassador, days=days)
        ClinicBooking.objects.create(slot=slot, person=UserFactory())
    # Session, user, the group check, upcoming clinics, own bookings, hosted clinics and their
    # bookings: the same however many clinics there are.
    with django_assert_max_num_queries(9):
        response = client.get(reverse("community:clinics"))
    assert response.status_code == 200
    assert response.text.count("/community/clinics/bookings/") == 21


def test_io9_a_question_that_is_too_long_is_explained_and_nothing_booked(client, world, sign_in):
    sign_in(world.other_citizen)
    response = client.post(
        reverse("community:book", kwargs={"pk": world.free_slot.pk}), {"question": "x" * 2001}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Keep it to 2,000 characters or fewer" in response.text
    assert not ClinicBooking.objects.filter(slot=world.free_slot).exists()
