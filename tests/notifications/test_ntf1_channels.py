"""NTF-1: each event reaches each person once on each route they chose; one route failing never
blocks another; a failure is retried and never lost (visible as "not sent yet")."""

import datetime
import smtplib
from unittest import mock

import pytest
import time_machine
from django.core import mail

from copro.notifications import sending
from copro.notifications.models import Delivery, LocalTextMessage, Notification
from copro.notifications.services import notify
from tests.notifications.factories import person

pytestmark = pytest.mark.django_db


def failing_email():
    return mock.patch(
        "copro.notifications.sending.EmailMessage.send", side_effect=smtplib.SMTPException
    )


def tell(*people, key="test:1"):
    return notify(
        recipients=people,
        kind="test_event",
        event_key=key,
        title="Your meeting has moved",
        body="It is now on Tuesday at 2pm.",
        url="/meetings/1/",
    )


def states(user):
    return {d.channel: d.state for d in Delivery.objects.filter(notification__recipient=user)}


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("email", {"service": "sent", "email": "sent"}),
        ("text", {"service": "sent", "text": "sent"}),
        ("post", {"service": "sent", "post": "queued"}),
        ("phone", {"service": "sent", "text": "sent"}),
    ],
)
def test_ntf1_who_gets_what_follows_how_they_asked_to_be_contacted(contact, expected):
    someone = person(contact=contact)
    tell(someone)
    assert states(someone) == expected


def test_ntf1_someone_without_email_or_phone_still_gets_a_letter_and_their_history():
    someone = person(contact="email", email=False, phone="")
    tell(someone)
    assert states(someone) == {"service": "sent", "post": "queued"}


def test_ntf1_exactly_once_per_event_person_and_channel_when_sent_again():
    texter, writer = person(contact="text"), person(contact="post")
    for _ in range(3):
        tell(texter, writer, texter)
    assert Notification.objects.count() == 2
    assert Delivery.objects.count() == 4
    assert LocalTextMessage.objects.count() == 1
    sending.sweep()
    assert LocalTextMessage.objects.count() == 1


def test_ntf1_one_channel_failing_never_blocks_another():
    emailer, texter = person(contact="email"), person(contact="text")
    with failing_email():
        tell(emailer, texter)
    assert states(emailer)["email"] == "queued"  # "not sent yet", with a later try
    assert states(texter)["text"] == "sent"
    failed = Delivery.objects.get(notification__recipient=emailer, channel="email")
    assert failed.get_state_display() == "Not sent yet"
    assert failed.attempts == 1 and failed.last_error == "SMTPException"


def test_ntf1_a_failure_is_retried_with_backoff_and_sent_once():
    emailer = person(contact="email")
    with time_machine.travel("2026-12-07 10:00Z", tick=False) as clock:
        with failing_email():
            tell(emailer)
            sending.sweep()  # not due yet: nothing is tried
            assert Delivery.objects.get(channel="email").attempts == 1
            clock.shift(datetime.timedelta(minutes=1))
            sending.sweep()  # the second try fails too; the next waits 2 minutes
        delivery = Delivery.objects.get(channel="email")
        assert delivery.attempts == 2
        assert delivery.next_try_at == datetime.datetime(2026, 12, 7, 10, 3, tzinfo=datetime.UTC)
        clock.shift(datetime.timedelta(minutes=2))
        sending.sweep()
        sending.sweep()
    assert Delivery.objects.get(channel="email").state == "sent"
    assert len(mail.outbox) == 1


def test_ntf1_after_the_last_attempt_it_is_failed_and_visible_never_deleted():
    emailer = person(contact="email")
    failing = mock.patch("copro.notifications.sending.EmailMessage.send", side_effect=OSError)
    with time_machine.travel("2026-12-07 10:00Z", tick=False) as clock, failing:
        tell(emailer)
        for _ in range(sending.MAX_ATTEMPTS):
            clock.shift(datetime.timedelta(hours=1))
            sending.sweep()
    delivery = Delivery.objects.get(channel="email")
    assert delivery.state == "failed" and delivery.attempts == sending.MAX_ATTEMPTS
    assert "OSError" in delivery.last_error


def test_ntf1_a_refused_text_is_failed_at_once_not_retried():
    texter = person(contact="text")
    refuse = mock.patch(
        "copro.notifications.texts.LocalBackend.send",
        side_effect=sending.texts.PermanentFailure("Notify refused the message (400)"),
    )
    with refuse:
        tell(texter)
    delivery = Delivery.objects.get(channel="text")
    assert delivery.state == "failed" and delivery.attempts == 1


def test_ntf1_a_sender_that_died_mid_send_is_picked_up_by_the_sweep():
    texter = person(contact="text")
    with time_machine.travel("2026-12-07 10:00Z", tick=False) as clock:
        with mock.patch("copro.notifications.sending.schedule"):  # no worker ran
            tell(texter)
        delivery = Delivery.objects.get(channel="text")
        assert sending.claim(delivery.pk, delivery.next_try_at)  # a worker claims, then dies
        sending.sweep()
        assert LocalTextMessage.objects.count() == 0  # still claimed: not sent twice
        clock.shift(sending.STALE_CLAIM + datetime.timedelta(minutes=1))
        sending.sweep()
    assert LocalTextMessage.objects.count() == 1
    assert Delivery.objects.get(channel="text").state == "sent"


def test_ntf1_urgent_and_ordinary_kinds_both_reach_an_inactive_person_never():
    gone = person(contact="email", is_active=False)
    tell(gone)
    assert not Notification.objects.filter(recipient=gone).exists()
