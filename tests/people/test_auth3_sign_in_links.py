"""AUTH-3 one-time sign-in links, AUTH-11 no enumeration, API-5 rate limit, LOG-1 and LOG-4."""

import logging
import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection, models
from django.test import override_settings
from django.utils import timezone

from copro.people.models import SignInLink, SignInLinkRequest, User
from tests.people.factories import UserFactory
from tests.people.test_view_sign_in import without_csrf

LINK = re.compile(r"http://[^\s\"]+/account/sign-in/link/([A-Za-z0-9_-]+)/")


def request_link(client, email, **extra):
    return client.post("/account/sign-in/email-link/", {"email": email}, **extra)


def token_from_outbox(index: int = -1) -> str:
    return LINK.search(mail.outbox[index].body).group(1)


def link_url(token: str) -> str:
    return f"/account/sign-in/link/{token}/"


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_auth3_the_link_is_emailed_with_the_site_address_and_a_long_token(
    client, citizen_a, settings
):
    settings.ALLOWED_HOSTS = ["*"]  # even a Host we would accept never goes into a link (CFG-5)
    response = request_link(client, citizen_a.email, HTTP_HOST="evil.example")
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [citizen_a.email]
    assert "http://127.0.0.1:8000/account/sign-in/link/" in message.body  # SITE_URL, not Host
    assert "evil.example" not in message.body
    # token_urlsafe(32): 43 characters of a 64-letter alphabet, 256 bits.
    assert len(token_from_outbox()) >= 43
    html = message.alternatives[0][0]
    assert token_from_outbox() in html


@pytest.mark.django_db
def test_auth3_first_use_signs_in_and_lands_on_an_address_without_the_token(client, citizen_a):
    request_link(client, citizen_a.email)
    token = token_from_outbox()
    response = client.post(link_url(token))
    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert token not in response["Location"]
    assert signed_in_user_id(client) == str(citizen_a.pk)
    page = client.get(response["Location"])
    assert page.status_code == 200 and token not in page.content.decode()


@pytest.mark.django_db
def test_auth3_a_second_use_is_refused(client, citizen_a):
    request_link(client, citizen_a.email)
    token = token_from_outbox()
    client.post(link_url(token))
    client.post("/account/sign-out/")
    again = client.post(link_url(token))
    assert again.status_code == 200
    assert "This link has expired" in again.content.decode()
    assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_auth3_a_link_older_than_ten_minutes_is_refused(client, citizen_a):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        request_link(client, citizen_a.email)
    token = token_from_outbox()
    link = SignInLink.objects.get()
    assert link.expires_at - link.created_at == timedelta(minutes=10)
    with time_machine.travel(start + timedelta(minutes=10, seconds=1), tick=False):
        response = client.post(link_url(token))
    assert "This link has expired" in response.content.decode()
    assert signed_in_user_id(client) is None
    # Just inside the lifetime it still works.
    with time_machine.travel(start, tick=False):
        request_link(client, citizen_a.email)
    with time_machine.travel(start + timedelta(minutes=9, seconds=59), tick=False):
        assert client.post(link_url(token_from_outbox())).status_code == 302


@pytest.mark.django_db
def test_auth3_a_link_signs_in_only_its_own_person(client, citizen_a, citizen_b):
    request_link(client, citizen_a.email)
    token_for_a = token_from_outbox()
    client.post(link_url(token_for_a))
    assert signed_in_user_id(client) == str(citizen_a.pk)
    assert signed_in_user_id(client) != str(citizen_b.pk)
    # B asking for a link does not make A's link sign B in, nor B's link sign in A.
    client.post("/account/sign-out/")
    request_link(client, citizen_b.email)
    client.post(link_url(token_from_outbox()))
    assert signed_in_user_id(client) == str(citizen_b.pk)


@pytest.mark.django_db
def test_auth3_a_guessed_token_signs_no_one_in(client, citizen_a):
    request_link(client, citizen_a.email)
    real = token_from_outbox()
    guess = real[:-1] + ("A" if real[-1] != "A" else "B")
    response = client.post(link_url(guess))
    assert "This link has expired" in response.content.decode()
    assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_auth3_the_database_holds_no_raw_token(client, citizen_a):
    request_link(client, citizen_a.email)
    token = token_from_outbox()
    client.get(link_url(token))
    client.post(link_url(token))
    text_columns = [
        f.column
        for f in SignInLink._meta.get_fields()
        if isinstance(f, models.CharField | models.TextField)
    ]
    for row in SignInLink.objects.values(*[c for c in text_columns]):
        for value in row.values():
            assert token not in value
    # And nowhere else: every text column of every table (sessions are signed, not raw).
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            description = connection.introspection.get_table_description(cursor, table)
            for column in description:
                # Names come from the database's own catalogue, quoted; the token is a parameter.
                name, col = connection.ops.quote_name(table), connection.ops.quote_name(column.name)
                sql = f"SELECT COUNT(*) FROM {name} WHERE CAST({col} AS TEXT) LIKE %s"  # noqa: S608
                cursor.execute(sql, [f"%{token}%"])
                assert cursor.fetchone()[0] == 0, (table, column.name)


@pytest.mark.django_db
def test_auth3_opening_the_link_does_not_use_it(client, citizen_a):
    """E-mail scanners follow links: GET only shows a button."""
    request_link(client, citizen_a.email)
    token = token_from_outbox()
    for _ in range(3):
        page = client.get(link_url(token))
        assert page.status_code == 200
        assert signed_in_user_id(client) is None
    body = page.content.decode()
    assert ">Sign in</button>" in body
    assert page["Referrer-Policy"] == "strict-origin"
    assert "no-store" in page["Cache-Control"]
    assert SignInLink.objects.get().used_at is None
    assert client.post(link_url(token)).status_code == 302


@pytest.mark.django_db
def test_auth11_the_answer_is_the_same_for_known_and_unknown_addresses(client, citizen_a):
    known = request_link(client, citizen_a.email, follow=True)
    unknown = request_link(client, "nobody@example.org", follow=True)
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert without_csrf(known.content.decode()) == without_csrf(unknown.content.decode())
    assert "Check your email" in known.content.decode()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_auth11_staff_get_the_same_answer_but_no_link(client, staff_a, citizen_a):
    staff = request_link(client, staff_a.email, follow=True)
    citizen = request_link(client, citizen_a.email, follow=True)
    assert without_csrf(staff.content.decode()) == without_csrf(citizen.content.decode())
    assert [m.to for m in mail.outbox] == [[citizen_a.email]]


@pytest.mark.django_db
def test_auth3_a_person_without_a_password_can_still_sign_in_by_link(client):
    person = User.objects.create_user(email="no.password@example.org", display_name="Nia")
    assert not person.has_usable_password()
    request_link(client, person.email)
    client.post(link_url(token_from_outbox()))
    assert signed_in_user_id(client) == str(person.pk)


@pytest.mark.django_db
def test_api5_the_fourth_link_in_fifteen_minutes_is_dropped_silently(client, citizen_a, caplog):
    with caplog.at_level(logging.INFO, logger="copro.auth"):
        answers = [request_link(client, citizen_a.email, follow=True) for _ in range(4)]
    assert len(mail.outbox) == 3
    bodies = {without_csrf(a.content.decode()) for a in answers}
    assert len(bodies) == 1  # the dropped request looks the same as the others
    assert "sign_in_link_rate_limited" in [getattr(r, "event", "") for r in caplog.records]


@pytest.mark.django_db
def test_api5_a_forged_x_forwarded_for_does_not_reset_the_limit(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    people = [UserFactory() for _ in range(11)]
    for n, person in enumerate(people):
        request_link(
            client, person.email, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}"
        )
    assert len(mail.outbox) == 10  # the 11th from the same real address is dropped
    assert set(SignInLinkRequest.objects.values_list("ip", flat=True)) == {"203.0.113.5"}


@pytest.mark.django_db
def test_api5_behind_one_trusted_proxy_the_limit_keys_on_the_proxys_client(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    people = [UserFactory() for _ in range(11)]
    for n, person in enumerate(people):
        # The client forges a left-hand entry; our proxy appends the address it really saw.
        request_link(
            client,
            person.email,
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.9",
        )
    assert len(mail.outbox) == 10


@pytest.mark.django_db
def test_api5_the_limit_lifts_after_fifteen_minutes(client, citizen_a):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(4):
            request_link(client, citizen_a.email)
    assert len(mail.outbox) == 3
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        request_link(client, citizen_a.email)
    assert len(mail.outbox) == 4


@pytest.mark.django_db
@override_settings(SIGN_IN_LINK_LIMIT_PER_EMAIL=5)
def test_api5_the_limit_is_a_setting(client, citizen_a):
    for _ in range(6):
        request_link(client, citizen_a.email)
    assert len(mail.outbox) == 5


@pytest.mark.django_db
def test_auth3_an_expired_link_offers_a_new_one_in_one_click(client, citizen_a):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        request_link(client, citizen_a.email)
    old = token_from_outbox()
    with time_machine.travel(start + timedelta(minutes=30), tick=False):
        page = client.get(link_url(old))
        assert "This link has expired" in page.content.decode()
        assert f'action="/account/sign-in/link/{old}/new/"' in page.content.decode()
        response = client.post(f"/account/sign-in/link/{old}/new/")
        assert response["Location"] == "/account/sign-in/email-link/sent/"
        assert len(mail.outbox) == 2 and mail.outbox[1].to == [citizen_a.email]
        new = token_from_outbox()
        assert new != old
        assert client.post(link_url(new))["Location"] == "/account/"


@pytest.mark.django_db
def test_auth3_a_new_link_from_a_used_one_is_still_rate_limited(client, citizen_a):
    request_link(client, citizen_a.email)
    token = token_from_outbox()
    client.post(link_url(token))
    for _ in range(5):
        client.post(f"/account/sign-in/link/{token}/new/")
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_auth3_an_unknown_link_sends_nothing_when_asked_for_a_new_one(client):
    response = client.post("/account/sign-in/link/made-up-token/new/")
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.django_db
def test_auth3_a_deactivated_person_cannot_use_a_link(client, citizen_a):
    request_link(client, citizen_a.email)
    User.objects.filter(pk=citizen_a.pk).update(is_active=False)
    client.post(link_url(token_from_outbox()))
    assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_auth3_a_link_whose_email_fails_is_not_kept(client, citizen_a, monkeypatch):
    import smtplib

    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    response = request_link(client, citizen_a.email, follow=True)
    assert "Check your email" in response.content.decode()
    assert SignInLink.objects.count() == 0


@pytest.mark.django_db
def test_log1_link_events_are_logged_without_the_token(client, citizen_a, caplog):
    with caplog.at_level(logging.DEBUG):
        request_link(client, citizen_a.email, REMOTE_ADDR="192.0.2.7")
        token = token_from_outbox()
        client.get(link_url(token))
        client.post(link_url(token), REMOTE_ADDR="192.0.2.7")
        client.post("/account/sign-out/")
        client.post(link_url(token), REMOTE_ADDR="192.0.2.7")
        client.put(link_url(token))
        client.post(f"/account/sign-in/link/{token}/new/")
    auth = [r for r in caplog.records if r.name == "copro.auth"]
    events = [r.event for r in auth]
    assert "sign_in_link_sent" in events
    assert events.count("sign_in_link_used") == 1
    assert events.count("sign_in_link_refused") == 1
    used = next(r for r in auth if r.event == "sign_in_link_used")
    assert used.user_id == citizen_a.pk and used.ip == "192.0.2.7"
    # LOG-4: not in any message, argument or extra field, from any logger.
    for record in caplog.records:
        assert token not in record.getMessage()
        assert token not in repr(record.__dict__)
    assert citizen_a.email not in caplog.text
