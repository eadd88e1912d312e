"""IO-7: a name with CR/LF in it cannot add an e-mail header, and nothing is half-sent."""

import smtplib

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from copro.people import signin
from copro.people.models import Invitation
from tests.people.mfa_helpers import verify_second_factor

HOSTILE = "Eve\r\nBcc: x@evil.example"


@pytest.mark.django_db
def test_io7_a_crlf_name_adds_no_header_and_is_cleaned(staff_a):
    invitation, _token = signin.invitation_create(
        email="eve@example.org", display_name=HOSTILE, role="citizen", by=staff_a
    )
    assert invitation.display_name == "Eve Bcc: x@evil.example"
    assert "\r" not in invitation.display_name and "\n" not in invitation.display_name
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.recipients() == ["eve@example.org"]
    assert message.bcc == [] and message.cc == []
    raw = message.message().as_string()
    headers = raw.split("\n\n", 1)[0]
    assert "Bcc:" not in headers and "x@evil.example" not in headers
    assert "\r\nBcc" not in raw and "\nBcc:" not in raw


@pytest.mark.django_db
def test_io7_a_crlf_in_the_inviters_name_cannot_reach_the_subject(staff_a):
    staff_a.display_name = "Sam\r\nBcc: x@evil.example"
    staff_a.save()
    signin.invitation_create(
        email="eve@example.org", display_name="Eve", role="citizen", by=staff_a
    )
    message = mail.outbox[0]
    assert "\n" not in message.subject and "\r" not in message.subject
    headers = message.message().as_string().split("\n\n", 1)[0]
    assert "Bcc:" not in headers


@pytest.mark.django_db
def test_io7_through_the_page_the_name_is_cleaned_too(client, staff_a):
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    response = client.post(
        "/account/invite/",
        {"email": "eve@example.org", "display_name": HOSTILE, "role": "citizen"},
    )
    assert response.status_code == 302
    assert Invitation.objects.get().display_name == "Eve Bcc: x@evil.example"
    assert mail.outbox[0].recipients() == ["eve@example.org"]


@pytest.mark.django_db
def test_io7_when_the_email_cannot_be_sent_nothing_is_kept(staff_a, monkeypatch):
    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("the mail server went away")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    with pytest.raises(ValidationError) as error:
        signin.invitation_create(
            email="eve@example.org", display_name=HOSTILE, role="citizen", by=staff_a
        )
    assert "could not send the email" in str(error.value)
    assert Invitation.objects.count() == 0


@pytest.mark.django_db
def test_io7_the_page_says_so_plainly_when_the_email_fails(client, staff_a, monkeypatch):
    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    response = client.post(
        "/account/invite/",
        {"email": "eve@example.org", "display_name": "Eve", "role": "citizen"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "We could not send the email just now" in body
    assert Invitation.objects.count() == 0
