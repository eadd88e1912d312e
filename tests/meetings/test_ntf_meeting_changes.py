"""NTF-1 for meetings: moving or cancelling a meeting tells everyone invited, by their routes,
with a calendar file that replaces the old one (same UID, higher SEQUENCE; METHOD:CANCEL)."""

import datetime

import pytest
from django.core import mail
from icalendar import Calendar

from copro.meetings import services
from copro.meetings.ics import meetings_calendar
from copro.notifications.models import Delivery, LocalTextMessage, Notification
from copro.people.models import Profile


def calendar_of(message):
    (name, content, mimetype) = message.attachments[-1]
    return Calendar.from_ical(content), mimetype


@pytest.mark.django_db
def test_ntf1_moving_a_meeting_emails_a_replacing_calendar_file(mworld):
    meeting = mworld.meeting_a
    old = Calendar.from_ical(meetings_calendar([meeting])).walk("VEVENT")[0]
    mail.outbox.clear()
    services.meeting_update(
        meeting=meeting, by=mworld.lead_a, starts_at=meeting.starts_at + datetime.timedelta(days=1)
    )
    (message,) = [m for m in mail.outbox if m.to == [mworld.citizen_a.email]]
    calendar, mimetype = calendar_of(message)
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == str(old["UID"])  # the same event, so it replaces the old one
    assert "SEQUENCE" not in old and int(event["SEQUENCE"]) == 1
    assert "method=PUBLISH" in mimetype
    services.meeting_cancel(meeting=meeting, by=mworld.lead_a, reason="The hall is flooded.")
    message = [m for m in mail.outbox if m.to == [mworld.citizen_a.email]][-1]
    calendar, mimetype = calendar_of(message)
    assert str(calendar["METHOD"]) == "CANCEL" and "method=CANCEL" in mimetype
    event = calendar.walk("VEVENT")[0]
    assert int(event["SEQUENCE"]) == 2 and str(event["STATUS"]) == "CANCELLED"
    assert "The hall is flooded." in message.body


@pytest.mark.django_db
def test_ntf1_a_change_that_does_not_move_the_meeting_tells_nobody(mworld):
    before = Notification.objects.filter(kind="meeting_changed").count()
    services.meeting_update(meeting=mworld.meeting_a, by=mworld.lead_a, title="A new name")
    assert Notification.objects.filter(kind="meeting_changed").count() == before
    mworld.meeting_a.refresh_from_db()
    assert mworld.meeting_a.sequence == 0


@pytest.mark.django_db
def test_ntf1_a_text_only_person_is_texted_when_the_meeting_moves(mworld):
    Profile.objects.update_or_create(
        user=mworld.citizen_a, defaults={"contact_method": "text", "phone": "07700 900982"}
    )
    meeting = mworld.meeting_a
    services.meeting_update(
        meeting=meeting, by=mworld.lead_a, starts_at=meeting.starts_at + datetime.timedelta(days=2)
    )
    text = Delivery.objects.get(notification__kind="meeting_changed", channel="text")
    assert text.state == "sent"
    (stored,) = LocalTextMessage.objects.filter(delivery=text)
    assert meeting.title not in stored.content  # the kind of event only, never the details
    assert not Delivery.objects.filter(notification__kind="meeting_changed", channel="email")


@pytest.mark.django_db
def test_cancelling_twice_is_refused_and_tells_once(mworld):
    from django.core.exceptions import ValidationError

    services.meeting_cancel(meeting=mworld.meeting_a, by=mworld.lead_a, reason="Snow.")
    with pytest.raises(ValidationError):
        services.meeting_cancel(meeting=mworld.meeting_a, by=mworld.lead_a, reason="Snow.")
    assert Notification.objects.filter(kind="meeting_cancelled").count() == 1


@pytest.mark.django_db
def test_ntf1_tomorrows_meeting_is_reminded_once_however_often_the_command_runs(mworld):
    import io

    import time_machine
    from django.core.management import call_command
    from django.utils import timezone

    meeting = mworld.meeting_a
    day_before = timezone.localtime(meeting.starts_at) - datetime.timedelta(days=1)
    with time_machine.travel(day_before.replace(hour=9, minute=0), tick=False):
        for _ in range(2):
            call_command("meeting_reminders", stdout=io.StringIO())
    reminders = Notification.objects.filter(event_key__startswith=f"meeting:{meeting.pk}:tomorrow")
    assert [n.recipient for n in reminders] == [mworld.citizen_a]
    services.meeting_cancel(meeting=meeting, by=mworld.lead_a, reason="Snow.")
    with time_machine.travel(day_before.replace(hour=10, minute=0), tick=False):
        call_command("meeting_reminders", stdout=io.StringIO())
    assert reminders.count() == 1  # a cancelled meeting is not reminded
