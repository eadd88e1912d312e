"""FLT-10: the mail server is down. With the durable outbox (copro/core/mail.py) the page still
works, the message waits in the task table, is retried with a growing delay, and is delivered
once when the server is back. Without it (EMAIL_BACKEND pointing straight at SMTP), the person
gets the problem page: that is also shown, so the difference is on record."""

import datetime
import logging
import re
import socket

import pytest
import time_machine
from django.core import mail
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from copro.core import mail as outbox

pytestmark = pytest.mark.django_db

LINK = re.compile(r"/account/sign-in/link/([A-Za-z0-9_-]+)/")


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens here once the socket is closed


@pytest.fixture
def smtp_down(settings):
    settings.EMAIL_BACKEND = "copro.core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


def run_due_tasks() -> int:
    """What `copro db_worker` does for each task that is due (without its locking)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    ran = 0
    for result in DBTaskResult.objects.ready().filter(backend_name="default").order_by("pk"):
        result.claim("test")
        worker.run_task(result)
        ran += 1
    return ran


def test_flt10_smtp_down_the_page_works_and_the_link_arrives_once_the_server_is_back(
    client, citizen_a, smtp_down, caplog
):
    response = client.post("/account/sign-in/email-link/", {"email": citizen_a.email})
    assert response.status_code == 302
    assert response["Location"] == "/account/sign-in/email-link/sent/"
    assert DBTaskResult.objects.ready().count() == 1, "the message was not kept"

    with caplog.at_level(logging.WARNING, logger="copro.mail"):
        assert run_due_tasks() == 1  # the server refuses the connection
    assert mail.outbox == []
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now(), "the retry is not delayed"
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert [r.message for r in caplog.records if r.name == "copro.mail"] == ["email_delivery_retry"]
    assert citizen_a.email not in caplog.text  # no personal data in the log
    assert run_due_tasks() == 0, "the retry ran before its time"

    # The mail server is back a few minutes later.
    smtp_down.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=3), tick=False):
        assert run_due_tasks() == 1
        assert run_due_tasks() == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [citizen_a.email]
    token = LINK.search(mail.outbox[0].body).group(1)
    assert client.post(f"/account/sign-in/link/{token}/")["Location"] == "/account/"


def test_flt10_a_message_sent_inside_a_change_that_is_rolled_back_is_never_sent(smtp_down):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Hello", "Body", None, ["someone@example.org"])
        raise RuntimeError("the change failed")
    assert not DBTaskResult.objects.exists()


def test_flt10_after_the_last_attempt_the_task_is_marked_failed_and_logged(smtp_down, caplog):
    outbox.deliver_email.enqueue(
        raw="U3ViamVjdDogSGkKCkJvZHkK",  # "Subject: Hi\n\nBody\n"
        from_email="no-reply@example.org",
        recipients=["someone@example.org"],
        attempt=outbox.MAX_ATTEMPTS,
    )
    with caplog.at_level(logging.ERROR, logger="copro.mail"):
        run_due_tasks()
    failed = DBTaskResult.objects.get()
    assert failed.status == "FAILED"  # visible to staff in the admin pages (Tasks)
    assert "email_delivery_gave_up" in caplog.text


def test_flt10_attachments_and_html_parts_are_delivered_as_built(smtp_down):
    from django.core.mail import EmailMultiAlternatives

    smtp_down.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message = EmailMultiAlternatives("Papers", "Plain words", None, ["a@example.org"])
    message.attach_alternative("<p>Plain words</p>", "text/html")
    message.attach("agenda.txt", "1. Welcome", "text/plain")
    message.send()
    run_due_tasks()
    [sent] = mail.outbox
    built = sent.message()
    assert sent.subject == "Papers" and sent.body.strip() == "Plain words"
    kinds = [part.get_content_type() for part in built.walk()]
    assert "text/html" in kinds and any(p.get_filename() == "agenda.txt" for p in built.walk())


def test_flt10_without_the_outbox_a_sign_in_link_is_lost_while_smtp_is_down(
    client, citizen_a, settings, caplog
):
    """What happens where EMAIL_BACKEND is SMTP itself (the production default today): the
    page still says "check your email" (AUTH-11: it must not say whether the address is
    known), the link is rolled back and the failure logged - but nothing is sent later."""
    from copro.people.models import SignInLink

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    with caplog.at_level(logging.INFO):
        response = client.post("/account/sign-in/email-link/", {"email": citizen_a.email})
    assert response["Location"] == "/account/sign-in/email-link/sent/"
    assert not SignInLink.objects.exists()
    assert "sign_in_link_not_sent" in caplog.text
    assert not DBTaskResult.objects.exists()  # nothing waits to be sent


def test_flt10_sign_in_limits_live_in_the_database_so_a_lost_cache_does_not_reset_them(
    client, citizen_a, password
):
    """There is no Redis: the lockout counters (django-axes) and the sign-in link limits are
    rows in the database, shared by every app process. Losing the cache (a restart) changes
    nothing, and with the database down nobody can sign in at all (it fails closed)."""
    from django.core.cache import cache

    for _ in range(10):
        client.post("/account/sign-in/", {"username": citizen_a.email, "password": "wrong"})
    cache.clear()  # what a cache server going away, or a process restarting, would do
    locked = client.post("/account/sign-in/", {"username": citizen_a.email, "password": password})
    assert locked.status_code == 429
