"""The public "Get involved" form: no account, bad fields keep what was typed, a honeypot and a
rate limit instead of a CAPTCHA (API-5), and self-registration behind a setting."""

import pytest
from django.core import mail
from django.urls import reverse

from copro.frontdoor.models import GetInvolvedAttempt, GetInvolvedRequest
from copro.people.models.signin import Invitation

URL = "/get-involved/"
GOOD = {
    "name": "Rosa",
    "contact_method": "phone",
    "phone": "01632 960 001",
    "what_i_bring": "I care for my mum.",
    "areas": "Adult social care",
    "access_needs": "Step-free access",
    "call_back": "yes",
}

pytestmark = pytest.mark.django_db


def test_az11_anonymous_sees_the_form_and_the_footer_contact_link(client):
    page = client.get(URL)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Get involved" in body
    assert 'href="/contact/"' in body


def test_good_form_is_kept_and_says_thank_you(client, django_assert_num_queries):
    # SAVEPOINT; full_clean's constraint check (in its own SAVEPOINT and RELEASE);
    # delete old attempts, count attempts, insert attempt, insert request; RELEASE
    with django_assert_num_queries(9):
        response = client.post(URL, GOOD)
    assert response.status_code == 302
    assert response["Location"] == reverse("frontdoor:get_involved_sent")
    kept = GetInvolvedRequest.objects.get()
    assert (kept.name, kept.phone, kept.call_back) == ("Rosa", "01632 960 001", True)
    assert kept.status == GetInvolvedRequest.Status.NEW
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"name": ""}, "name", "Enter your name"),
        ({"contact_method": "email", "email": ""}, "email", "Enter your email address"),
        ({"contact_method": "email", "email": "not-an-email"}, "email", "Enter an email address"),
        ({"phone": "call me maybe"}, "phone", "Enter a phone number with 10 to 13 digits"),
        ({"phone": "", "contact_method": "post", "postal_address": "1 High St"}, "phone", "call"),
        ({"contact_method": "post", "postal_address": " "}, "postal_address", "Enter your address"),
    ],
)
def test_bad_fields_keep_what_was_typed_and_say_what_to_fix(client, changes, field, message):
    response = client.post(URL, {**GOOD, **changes})
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert f'id="id_{field}-error"' in body
    assert message in body
    assert "I care for my mum." in body  # kept
    assert not GetInvolvedRequest.objects.exists()


def test_honeypot_filled_keeps_nothing_but_looks_the_same(client):
    response = client.post(URL, {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not GetInvolvedRequest.objects.exists()


def test_api5_rate_limit_per_address(client, settings):
    settings.GET_INVOLVED_LIMIT_PER_IP = 2
    for _ in range(2):
        assert client.post(URL, GOOD).status_code == 302
    refused = client.post(URL, GOOD)
    assert refused.status_code == 429
    assert "Please wait" in refused.content.decode()
    assert GetInvolvedRequest.objects.count() == 2
    # Another address is not held back.
    assert client.post(URL, GOOD, REMOTE_ADDR="203.0.113.9").status_code == 302
    assert "127.0.0.1" not in "".join(GetInvolvedAttempt.objects.values_list("ip_hash", flat=True))


def test_self_registration_off_sends_no_link(client):
    client.post(URL, {**GOOD, "contact_method": "email", "email": "rosa@example.org"})
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_self_registration_on_sends_an_email_check(client, settings):
    settings.SELF_REGISTRATION = True
    client.post(URL, {**GOOD, "contact_method": "email", "email": "Rosa@Example.org"})
    invitation = Invitation.objects.get()
    assert invitation.email == "rosa@example.org"
    assert invitation.invited_by is None
    assert GetInvolvedRequest.objects.get().status == GetInvolvedRequest.Status.INVITED
    assert [m.to for m in mail.outbox] == [["rosa@example.org"]]


def test_contact_page_shows_the_councils_details(client, settings):
    settings.COUNCIL_PHONE = "01632 960 123"
    body = client.get("/contact/").content.decode()
    assert "01632 960 123" in body
    assert settings.COUNCIL_EMAIL in body


def test_accessibility_statement_has_the_contact_details(client, settings):
    settings.COUNCIL_PHONE = "01632 960 124"
    body = client.get("/accessibility/").content.decode()
    assert "01632 960 124" in body
    assert settings.COUNCIL_ADDRESS in body
