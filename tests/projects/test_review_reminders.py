"""Decisions have a date to review them; reminders go out once when it falls due (issue 5)."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from copro.projects.models import Decision
from copro.projects.reminders import review_reminders_send
from tests.projects.world import make_world

D = datetime.date


@pytest.fixture
def world(db):
    world = make_world()
    Decision.objects.filter(pk=world.decision_a.pk).update(
        status="decided", decided_on=D(2026, 6, 1), outcome="Agreed.", review_on=D(2026, 12, 1)
    )
    return world


def test_nothing_is_sent_before_the_review_date(world):
    assert review_reminders_send(today=D(2026, 11, 30)) == 0
    assert mail.outbox == []


def test_members_are_reminded_once_when_the_review_falls_due(world):
    assert review_reminders_send(today=D(2026, 12, 1)) == 1
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([world.lead_a.email, world.citizen_a.email])
    assert all(len(message.to) == 1 for message in mail.outbox)  # nobody sees the others
    assert world.citizen_b.email not in recipients  # a member of project B only
    link = f"/projects/{world.project_a.pk}/decisions/{world.decision_a.pk}/"
    assert link in mail.outbox[0].body
    assert review_reminders_send(today=D(2026, 12, 2)) == 0  # once only
    assert len(mail.outbox) == 2


def test_the_command_sends_due_reminders(world, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 5, 9, tzinfo=datetime.UTC))
    call_command("review_reminders")
    assert len(mail.outbox) == 2
