"""`copro demo` shows notifications working: the demo citizen has some, Dev has a text in the
local Notify store and Maggie a large-print letter in the "to post" queue - once."""

import io

import pytest
from django.core.management import call_command

from copro.notifications.models import Delivery, LocalTextMessage, Notification


def counts():
    return (
        Notification.objects.count(),
        Delivery.objects.count(),
        LocalTextMessage.objects.count(),
    )


@pytest.mark.django_db
def test_the_demo_has_a_text_a_letter_and_the_citizens_notifications_once(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo", stdout=io.StringIO())
    first = counts()
    assert Notification.objects.filter(recipient__email="asha.citizen@demo.example").count() >= 2
    assert LocalTextMessage.objects.filter(
        delivery__notification__recipient__email="dev@demo.example"
    ).exists()
    assert Delivery.objects.filter(
        channel="post", state="queued", notification__recipient__email="maggie@demo.example"
    ).exists()
    call_command("demo", stdout=io.StringIO())
    assert counts() == first
