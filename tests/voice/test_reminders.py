"""One reminder only: people are asked once, reminded once a week later, then never again
about the same record (NTF-1 style: once per event and person)."""

import datetime

import pytest
import time_machine
from django.core import mail

from copro.notifications.models import Notification
from copro.voice import reminders
from tests.voice.factories import voice_world

pytestmark = pytest.mark.django_db
DAY0 = datetime.datetime(2027, 2, 1, 9, tzinfo=datetime.UTC)


def test_ntf1_asked_once_reminded_once_then_never_nagged(settings):
    settings.VOICE_REMIND_AFTER_DAYS = 7
    with time_machine.travel(DAY0 - datetime.timedelta(days=1)):
        world = voice_world()
    mine = Notification.objects.filter(recipient=world.citizen, kind="voice_ask")
    with time_machine.travel(DAY0):
        assert reminders.run() == {"asked": 1, "reminded": 0}
        assert reminders.run() == {"asked": 0, "reminded": 0}  # the same day again: nothing
    with time_machine.travel(DAY0 + datetime.timedelta(days=3)):
        assert reminders.run() == {"asked": 0, "reminded": 0}  # too soon
    with time_machine.travel(DAY0 + datetime.timedelta(days=8)):
        assert reminders.run() == {"asked": 0, "reminded": 1}
    for days in (9, 16, 30, 90):
        with time_machine.travel(DAY0 + datetime.timedelta(days=days)):
            assert reminders.run() == {"asked": 0, "reminded": 0}
    assert mine.count() == 2
    assert [m.title for m in mine.order_by("pk")] == [
        "Please check what was recorded about you",
        "A reminder: please check what was recorded about you",
    ]
    assert any("only reminder" in m.body for m in mail.outbox)


def test_ntf1_no_reminder_once_they_have_answered(settings):
    from copro.voice import permissions as perms
    from copro.voice import services

    with time_machine.travel(DAY0 - datetime.timedelta(days=1)):
        world = voice_world()
    with time_machine.travel(DAY0):
        reminders.run()
        for kind, record in (
            ("membership", world.membership),
            ("attendance", world.attendance),
            ("position", world.position),
            ("idea", world.idea),
        ):
            item = perms.record_get_for_person(viewer=world.citizen, kind=kind, pk=record.pk)
            services.record_confirm(item=item, by=world.citizen)
    with time_machine.travel(DAY0 + datetime.timedelta(days=8)):
        assert reminders.run() == {"asked": 0, "reminded": 0}
