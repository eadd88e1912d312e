"""`copro training_reminders` sends each reminder once; a booking's .ics file; the list of
sessions an ambassador (or staff) runs, showing exactly what the selector allows (AZ-7)."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar

from copro.learning import selectors, services
from copro.learning.models import Booking
from copro.learning.reminders import training_reminders_send
from tests.learning.world import make_ambassador, make_session
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import verify_second_factor


def _book(session, person) -> Booking:
    return services.booking_make(session=session, person=person, by=person, confirmed=True)


@pytest.mark.django_db
def test_reminders_go_once_per_booking_even_when_run_twice(world, citizen_a, citizen_b):
    soon = make_session(world.level_1, world.ambassador, venue=world.venue, days=1, capacity=1)
    _book(soon, citizen_a)
    waiting = _book(soon, citizen_b)  # full: on the waiting list, so no reminder
    assert waiting.status == "waiting"
    _book(world.session_1, citizen_b)  # a week away: not yet
    call_command("training_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [[citizen_a.email]]
    call_command("training_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert Booking.objects.get(session=soon, person=citizen_a).reminder_sent_at is not None


@pytest.mark.django_db
def test_a_reminder_has_the_session_details_and_a_calendar_file(world, citizen_a, settings):
    soon = make_session(world.level_1, world.ambassador, venue=world.venue, days=2)
    _book(soon, citizen_a)
    # A day before: inside the reminder window whatever time of day the test runs.
    assert training_reminders_send(now=soon.starts - datetime.timedelta(days=1)) == 1
    message = mail.outbox[0]
    assert "Reminder: Level 1" in message.subject and "\n" not in message.subject
    assert settings.SITE_URL + soon.get_absolute_url() in message.body
    name, content, mimetype = message.attachments[0]
    assert name == "training.ics" and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event["SUMMARY"] == "Training: Level 1: What is co-production?"
    assert event.decoded("DTSTART") == soon.starts


@pytest.mark.django_db
def test_a_place_given_after_the_first_run_is_reminded_on_the_next(world, citizen_a, citizen_b):
    soon = make_session(world.level_1, world.ambassador, venue=world.venue, days=1)
    _book(soon, citizen_a)
    assert training_reminders_send() == 1
    _book(soon, citizen_b)
    assert training_reminders_send() == 1
    assert training_reminders_send() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted([citizen_a.email, citizen_b.email])


@pytest.mark.django_db
def test_no_reminder_for_sessions_already_started_or_too_far_ahead(world, citizen_a):
    past = make_session(world.level_1, world.ambassador, venue=world.venue, days=-1)
    Booking.objects.create(session=past, person=citizen_a, status="booked")
    later = make_session(world.level_2, world.ambassador, venue=world.venue, days=3)
    _book(later, citizen_a)
    assert training_reminders_send() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_failed_email_leaves_the_reminder_to_send_next_time(world, citizen_a, monkeypatch):
    soon = make_session(world.level_1, world.ambassador, venue=world.venue, days=1)
    _book(soon, citizen_a)

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    with pytest.raises(OSError):
        training_reminders_send()
    assert Booking.objects.get(person=citizen_a).reminder_sent_at is None
    monkeypatch.undo()
    assert training_reminders_send() == 1


# --- .ics download --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_booked_person_downloads_the_session_as_a_calendar_file(client, world, citizen_a):
    online = make_session(world.level_1, world.ambassador, days=5)
    _book(online, citizen_a)
    client.force_login(citizen_a)
    page = client.get(reverse("learning:session", kwargs={"pk": online.pk})).content.decode()
    url = reverse("learning:session_ics", kwargs={"pk": online.pk})
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="training.ics"'
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event["LOCATION"] == "Online"
    assert online.online_link in str(event["DESCRIPTION"])
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(
        hours=world.level_1.hours
    )
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)


@pytest.mark.django_db
def test_someone_waiting_gets_no_online_link_in_the_calendar_file(client, world, citizen_a):
    online = make_session(world.level_1, world.ambassador, days=5, capacity=1)
    _book(online, UserFactory())
    _book(online, citizen_a)
    client.force_login(citizen_a)
    response = client.get(reverse("learning:session_ics", kwargs={"pk": online.pk}))
    description = str(Calendar.from_ical(response.content).walk("VEVENT")[0]["DESCRIPTION"])
    assert online.online_link not in description.replace("\n", "")
    assert "You are on the waiting list" in description


@pytest.mark.django_db
def test_az1_no_booking_means_no_calendar_file(client, world, citizen_a, citizen_b):
    _book(world.session_1, citizen_b)
    client.force_login(citizen_a)
    url = reverse("learning:session_ics", kwargs={"pk": world.session_1.pk})
    missing = reverse("learning:session_ics", kwargs={"pk": 999999})
    assert client.get(url).status_code == client.get(missing).status_code == 404
    booking = _book(world.session_1, citizen_a)
    services.booking_cancel(booking=booking, by=citizen_a)
    assert client.get(url).status_code == 404


# --- Sessions someone runs ------------------------------------------------------------------


def _listed(response) -> set[int]:
    return {int(pk) for pk in re.findall(r'data-session="(\d+)"', response.content.decode())}


@pytest.mark.django_db
def test_az7_an_ambassador_sees_exactly_the_sessions_they_run(client, world):
    other = make_ambassador(display_name="Olu")
    theirs = make_session(world.level_1, other, venue=world.venue)
    client.force_login(world.ambassador)
    listed = _listed(client.get(reverse("learning:sessions_run")))
    expected = {s.pk for s in selectors.sessions_run_by(viewer=world.ambassador)}
    assert listed == expected == {world.session_1.pk, world.session_2.pk, world.session_3.pk}
    assert theirs.pk not in listed


@pytest.mark.django_db
def test_az7_staff_see_every_session_and_citizens_are_refused(client, world, staff_a, citizen_a):
    make_session(world.level_1, world.ambassador, venue=world.venue, days=-200)  # too old
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    listed = _listed(client.get(reverse("learning:sessions_run")))
    assert listed == {s.pk for s in selectors.sessions_run_by(viewer=staff_a)}
    assert len(listed) == 3
    client.force_login(citizen_a)
    response = client.get(reverse("learning:sessions_run"))
    assert response.status_code == 403
    assert "This page is for people who run training" in response.content.decode()


@pytest.mark.django_db
def test_sessions_run_page_has_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    for days in range(8, 30):
        make_session(world.level_1, world.ambassador, venue=world.venue, days=days)
    client.force_login(world.ambassador)
    # Session, user, the ambassador check, the sessions with counts, messages.
    with django_assert_max_num_queries(6):
        assert client.get(reverse("learning:sessions_run")).status_code == 200
