"""NTF-1: read every text and letter template for personal data. A text carries a first name and
the kind of event, never the notification's title or body (which may name a meeting, an amount
or a health condition); it stays within two text fragments. A letter carries the name and
address the envelope needs and what the notification says, nothing else about the person."""

import pytest

from copro.notifications import kinds, letters, texts
from copro.notifications.models import LocalTextMessage, Notification
from copro.notifications.services import notify
from copro.people.models import AccessNeed
from tests.notifications.factories import person

pytestmark = pytest.mark.django_db
SECRET = "CANARY-diagnosis-schizophrenia"


def test_ntf1_every_kind_of_text_has_only_a_first_name_and_fits_in_a_text():
    someone = person(contact="text", display_name="Jo Bloggs-Smithington")
    for kind in kinds.all_kinds():
        for count in (1, 12):
            content = texts.text_content(person=someone, kind_code=kind.code, count=count)
            assert len(content) <= texts.TEXT_MAX_CHARS, kind.code
            assert content.startswith("Hello Jo. "), content
            assert "Bloggs" not in content
            assert someone.email not in content and "07700" not in content


def test_ntf1_a_text_never_carries_the_title_or_body():
    someone = person(contact="text", display_name="Jo")
    notify(
        recipients=[someone],
        kind="test_event",
        event_key="secret",
        title=f"Your claim for {SECRET}",
        body=f"About {SECRET}, paid £45.00",
    )
    (stored,) = LocalTextMessage.objects.all()
    assert SECRET not in stored.content and "45" not in stored.content
    assert stored.content == (
        "Hello Jo. Working Together: something in a test happens. "
        "See http://127.0.0.1:8000/notifications/"
    )


def test_ntf1_a_very_long_name_or_kind_label_is_cut_to_fit():
    kinds.register("test_long", "A " + "very " * 100 + "long label")
    someone = person(contact="text", display_name="X" * 80)
    assert len(texts.text_content(person=someone, kind_code="test_long")) <= texts.TEXT_MAX_CHARS


def posted(notification):
    return notification.deliveries.filter(channel="post")


def test_ntf1_a_letter_has_the_address_and_the_news_and_nothing_else_about_the_person():
    writer = person(contact="post", display_name="Maggie")
    AccessNeed.objects.create(user=writer, need="hearing_loop")
    (notification,) = notify(
        recipients=[writer], kind="test_event", event_key="l", title="Papers ready", body="Read"
    )
    html = letters.letter_html(
        person=writer, deliveries=notification.deliveries.filter(channel="post")
    )
    assert "Maggie" in html and "1 High Street" in html and "Papers ready" in html
    assert writer.email not in html and "07700" not in html
    assert "hearing loop" not in html.lower()
    assert "font-size: 12pt" in html


def test_ntf1_large_print_letters_are_18pt():
    writer = person(contact="post", large_print=True)
    (notification,) = notify(recipients=[writer], kind="test_event", event_key="l", title="News")
    html = letters.letter_html(
        person=writer, deliveries=notification.deliveries.filter(channel="post")
    )
    assert f"font-size: {letters.LARGE_PRINT_PT}pt" in html and letters.LARGE_PRINT_PT >= 16


def test_the_govuk_notify_backend_sends_only_the_message(settings, monkeypatch):
    settings.NOTIFY_API_KEY = "test-key"
    settings.NOTIFY_SMS_TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"
    sent = {}

    class FakeClient:
        def __init__(self, key):
            sent["key"] = key

        def send_sms_notification(self, **kwargs):
            sent.update(kwargs)
            return {"id": "notify-id-1"}

    monkeypatch.setattr(
        "notifications_python_client.notifications.NotificationsAPIClient", FakeClient
    )
    ref = texts.GovukNotifyBackend().send(
        phone_number="07700 900982", content="Hello Jo.", reference="delivery-1"
    )
    assert ref == "notify-id-1"
    assert sent["personalisation"] == {"message": "Hello Jo."}
    assert sent["template_id"] == settings.NOTIFY_SMS_TEMPLATE_ID


@pytest.mark.parametrize(
    ("status", "error"),
    [(400, texts.PermanentFailure), (500, texts.TemporaryFailure), (429, texts.TemporaryFailure)],
)
def test_notify_refusals_and_outages_are_told_apart(settings, monkeypatch, status, error):
    from notifications_python_client.errors import HTTPError

    settings.NOTIFY_API_KEY = "k"
    settings.NOTIFY_SMS_TEMPLATE_ID = "t"

    class Response:
        status_code = status

        def json(self):
            return {"errors": [{"message": "no"}]}

    class FakeClient:
        def __init__(self, key):
            pass

        def send_sms_notification(self, **kwargs):
            raise HTTPError(response=Response())

    monkeypatch.setattr(
        "notifications_python_client.notifications.NotificationsAPIClient", FakeClient
    )
    with pytest.raises(error):
        texts.GovukNotifyBackend().send(phone_number="07700 900982", content="x", reference="r")
    assert not Notification.objects.exists()
