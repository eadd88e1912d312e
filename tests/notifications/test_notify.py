"""NTF-1 (first slice): one event tells each person once, in the service and by e-mail."""

import pytest
from django.core import mail

from copro.notifications import kinds
from copro.notifications.models import Notification
from copro.notifications.services import notify, unread_count

kinds.register("test_event", "Something in a test happens")


@pytest.mark.django_db
def test_ntf1_each_person_is_told_once_even_when_the_event_is_sent_again(citizen_a, citizen_b):
    for _ in range(2):
        notify(
            recipients=[citizen_a, citizen_b, citizen_a],
            kind="test_event",
            event_key="test:1",
            title="A meeting moved",
            url="/meetings/1/",
        )
    assert Notification.objects.filter(recipient=citizen_a).count() == 1
    assert Notification.objects.filter(recipient=citizen_b).count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([citizen_a.email, citizen_b.email])
    assert unread_count(viewer=citizen_a) == 1


@pytest.mark.django_db
def test_an_unknown_kind_is_refused_loudly(citizen_a):
    with pytest.raises(LookupError):
        notify(recipients=[citizen_a], kind="no_such_kind", event_key="x", title="x")
    assert not Notification.objects.exists()
