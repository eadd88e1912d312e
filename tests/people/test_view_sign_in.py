"""Signing in and out, and what a failure says (AUTH-6, AUTH-7, AUTH-11, IO-4, IO-9)."""

import re

import pytest
from django.contrib.sessions.models import Session

from copro.people.models import User


def without_csrf(html: str) -> str:
    """Drop what differs on every response anyway: the CSRF token and the CSP nonce."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


@pytest.mark.django_db
def test_sign_in_page_renders_for_anyone(client, django_assert_num_queries):
    # No queries: the page needs no session, no user and no content rows.
    with django_assert_num_queries(0):
        response = client.get("/account/sign-in/")
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Sign in</h1>' in response.content.decode()


@pytest.mark.django_db
def test_signing_in_with_the_right_password_goes_home(client, citizen_a, password):
    response = client.post("/account/sign-in/", {"username": citizen_a.email, "password": password})
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.django_db
def test_email_is_not_case_sensitive(client, citizen_a, password):
    response = client.post(
        "/account/sign-in/", {"username": citizen_a.email.upper(), "password": password}
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_io9_empty_form_shows_the_error_summary_and_field_messages(client):
    response = client.post("/account/sign-in/", {"username": "", "password": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and "There is a problem" in body
    assert "Enter your email address" in body and "Enter your password" in body
    assert '<a href="#id_username">' in body
    assert "<title>Error: Sign in" in body
    assert 'aria-describedby="id_username-error"' in body


@pytest.mark.django_db
def test_io9_a_bad_email_format_is_explained(client):
    response = client.post("/account/sign-in/", {"username": "not-an-email", "password": "x"})
    assert "like name@example.com" in response.content.decode()
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_auth11_wrong_password_and_unknown_email_look_the_same(client, citizen_a):
    known = client.post("/account/sign-in/", {"username": citizen_a.email, "password": "nope nope"})
    unknown = client.post(
        "/account/sign-in/", {"username": "nobody@example.org", "password": "nope nope"}
    )
    assert known.status_code == unknown.status_code == 200
    known_body = without_csrf(known.content.decode()).replace(citizen_a.email, "EMAIL")
    unknown_body = without_csrf(unknown.content.decode()).replace("nobody@example.org", "EMAIL")
    assert known_body == unknown_body
    assert "The email address or password is not right" in known_body


@pytest.mark.django_db
def test_auth11_password_reset_looks_the_same_for_known_and_unknown_emails(client, citizen_a):
    known = client.post("/account/reset-password/", {"email": citizen_a.email}, follow=True)
    unknown = client.post("/account/reset-password/", {"email": "nobody@example.org"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    assert without_csrf(known.content.decode()) == without_csrf(unknown.content.decode())


@pytest.mark.django_db
def test_auth6_signing_in_gives_a_new_session_key(client, citizen_a, password):
    client.get("/account/sign-in/")
    session = client.session
    session["planted"] = "by an attacker"
    session.save()
    before = session.session_key
    client.post("/account/sign-in/", {"username": citizen_a.email, "password": password})
    after = client.session.session_key
    assert before != after
    assert not Session.objects.filter(session_key=before).exists()


@pytest.mark.django_db
def test_auth7_signing_out_ends_the_session_on_the_server(client, citizen_a, password):
    client.post("/account/sign-in/", {"username": citizen_a.email, "password": password})
    old_key = client.session.session_key
    response = client.post("/account/sign-out/")
    assert response.status_code == 200
    assert "You have signed out" in response.content.decode()
    assert not Session.objects.filter(session_key=old_key).exists()
    client.cookies["__Host-sessionid"] = old_key
    assert client.get("/api/v1/me").status_code == 401


@pytest.mark.django_db
def test_signing_out_needs_post(client, citizen_a):
    client.force_login(citizen_a)
    assert client.get("/account/sign-out/").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example",
        "//evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "https%3A%2F%2Fevil.example",
        "\\\\evil.example",
        "http:evil.example",
    ],
)
def test_io4_next_never_leaves_our_site(client, citizen_a, password, target):
    response = client.post(
        "/account/sign-in/",
        {"username": citizen_a.email, "password": password, "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_io4_a_local_next_is_honoured(client, citizen_a, password):
    response = client.post(
        "/account/sign-in/",
        {"username": citizen_a.email, "password": password, "next": "/learn/glossary/"},
    )
    assert response["Location"] == "/learn/glossary/"
