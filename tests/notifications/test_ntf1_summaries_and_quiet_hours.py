"""NTF-1: daily and weekly summaries instead of one message each; urgent kinds never wait;
quiet hours hold texts until they end; `send_digests` is idempotent."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from copro.notifications import sending
from copro.notifications.models import Delivery, LocalTextMessage, Notification, QuietHours
from copro.notifications.services import notify, preference_set
from copro.notifications.summaries import send_digests
from tests.notifications.factories import person

pytestmark = pytest.mark.django_db
# Monday 7 December 2026, 10:00 in London (GMT).
MONDAY_10AM = "2026-12-07 10:00Z"


def tell(someone, key, kind="test_event", title=None):
    return notify(
        recipients=[someone], kind=kind, event_key=key, title=title or f"News {key}", url="/x/"
    )


def test_ntf1_a_daily_summary_gathers_held_news_into_one_email_once():
    someone = person(contact="email")
    preference_set(person=someone, kind="test_event", routes_chosen=["email"], frequency="daily")
    with time_machine.travel(MONDAY_10AM, tick=False) as clock:
        tell(someone, "a")
        tell(someone, "b")
        assert mail.outbox == []  # held for the summary
        assert send_digests() == 0  # not due until tomorrow at 08:00
        clock.move_to("2026-12-08 08:00Z")
        assert send_digests() == 1
        assert send_digests() == 0  # idempotent
        out = io.StringIO()
        call_command("send_digests", stdout=out)
        assert out.getvalue().strip() == "Summaries sent: 0."
    (message,) = mail.outbox
    assert "News a" in message.body and "News b" in message.body
    assert message.subject == "Your summary: 2 new updates"
    held = Delivery.objects.filter(notification__kind="test_event", channel="email")
    assert {d.state for d in held} == {"in_summary"}
    summary = Notification.objects.get(kind="summary")
    assert {d.included_in_id for d in held} == {summary.pk}


def test_ntf1_a_weekly_summary_waits_for_monday():
    someone = person(contact="email")
    preference_set(person=someone, kind="test_event", routes_chosen=["email"], frequency="weekly")
    with time_machine.travel("2026-12-08 10:00Z", tick=False) as clock:  # a Tuesday
        tell(someone, "a")
        clock.move_to("2026-12-13 12:00Z")  # Sunday
        assert send_digests() == 0
        clock.move_to("2026-12-14 08:00Z")  # Monday morning
        assert send_digests() == 1
    assert len(mail.outbox) == 1


def test_ntf1_urgent_kinds_bypass_the_summary():
    someone = person(contact="email")
    preference_set(person=someone, kind="test_urgent", routes_chosen=["email"], frequency="weekly")
    tell(someone, "u", kind="test_urgent")
    assert len(mail.outbox) == 1


def test_ntf1_the_history_shows_everything_even_when_held():
    someone = person(contact="email")
    preference_set(person=someone, kind="test_event", routes_chosen=["email"], frequency="daily")
    tell(someone, "a")
    assert Notification.objects.filter(recipient=someone).count() == 1
    assert Delivery.objects.get(channel="email").get_state_display() == "Waiting for your summary"


def test_ntf1_a_text_in_quiet_hours_is_held_until_they_end():
    texter = person(contact="text")
    QuietHours.objects.create(person=texter, starts=datetime.time(21), ends=datetime.time(8))
    with time_machine.travel("2026-12-07 22:30Z", tick=False) as clock:
        tell(texter, "night")
        assert LocalTextMessage.objects.count() == 0
        delivery = Delivery.objects.get(channel="text")
        assert delivery.state == "queued"
        assert delivery.next_try_at == datetime.datetime(2026, 12, 8, 8, tzinfo=datetime.UTC)
        clock.move_to("2026-12-08 07:59Z")
        sending.sweep()
        assert LocalTextMessage.objects.count() == 0
        clock.move_to("2026-12-08 08:00Z")
        sending.sweep()
        sending.sweep()
    assert LocalTextMessage.objects.count() == 1
    assert Delivery.objects.get(channel="text").attempts == 1


def test_ntf1_quiet_hours_hold_texts_but_not_emails_or_letters():
    someone = person(contact="text")
    preference_set(
        person=someone, kind="test_event", routes_chosen=["email", "text", "post"], frequency="now"
    )
    QuietHours.objects.create(person=someone, starts=datetime.time(21), ends=datetime.time(8))
    with time_machine.travel("2026-12-07 23:00Z", tick=False):
        tell(someone, "night")
    states = {d.channel: d.state for d in Delivery.objects.all()}
    assert states == {"service": "sent", "email": "sent", "text": "queued", "post": "queued"}


def test_a_person_can_ask_only_for_routes_we_can_use():
    from django.core.exceptions import ValidationError

    someone = person(contact="email", phone="", address="")
    with pytest.raises(ValidationError):
        preference_set(person=someone, kind="test_event", routes_chosen=["post"], frequency="now")
