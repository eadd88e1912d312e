"""NTF-1 under two senders at once (PostgreSQL; SQLite serialises writers): the same event told
twice at once, the same delivery sent by two workers, the summaries run twice at once - each
reaches the person exactly once."""

import pytest
import time_machine

from copro.notifications import sending
from copro.notifications.models import Delivery, LocalTextMessage, Notification
from copro.notifications.services import notify, preference_set
from copro.notifications.summaries import send_digests
from tests.concurrency import run_together, skip_on_sqlite
from tests.notifications.factories import person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_ntf1_the_same_event_told_twice_at_once_is_stored_and_texted_once():
    skip_on_sqlite()
    texter = person(contact="text")

    def tell():
        notify(recipients=[texter], kind="test_event", event_key="same", title="Moved")

    assert run_together([tell, tell, tell]) == []
    assert Notification.objects.count() == 1
    assert Delivery.objects.filter(channel="text").count() == 1
    assert LocalTextMessage.objects.count() == 1


def test_ntf1_two_workers_sending_the_same_delivery_send_it_once():
    skip_on_sqlite()
    texter = person(contact="text")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sending, "schedule", lambda delivery: None)  # no worker yet
        notify(recipients=[texter], kind="test_event", event_key="e", title="Moved")
    pk = Delivery.objects.get(channel="text").pk
    assert run_together([lambda: sending.send_one(pk)] * 4 + [sending.sweep] * 2) == []
    assert LocalTextMessage.objects.count() == 1
    delivery = Delivery.objects.get(pk=pk)
    assert delivery.state == "sent" and delivery.attempts == 1


def test_ntf1_summaries_run_twice_at_once_send_one_summary():
    skip_on_sqlite()
    someone = person(contact="text")
    preference_set(person=someone, kind="test_event", routes_chosen=["text"], frequency="daily")
    with time_machine.travel("2026-12-07 10:00Z", tick=False):
        for key in "abc":
            notify(recipients=[someone], kind="test_event", event_key=key, title=key)
    with time_machine.travel("2026-12-08 09:00Z", tick=False):
        assert run_together([send_digests, send_digests, send_digests]) == []
    assert Notification.objects.filter(kind="summary").count() == 1
    (stored,) = LocalTextMessage.objects.all()
    assert "you have 3 new updates" in stored.content
