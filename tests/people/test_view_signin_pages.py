"""The sign-in pages added for links, invitations and two-step sign-in: who may see them, the
wrong method, error summaries (IO-9) and bounded query counts."""

import pytest
from django.core import mail

from copro.people import signin
from tests.people.mfa_helpers import confirmed_device, verify_second_factor


@pytest.fixture
def invitation_token(staff_a):
    _, token = signin.invitation_create(
        email="new.person@example.org", display_name="Nell", role="citizen", by=staff_a
    )
    return token


@pytest.fixture
def staff_client(client, staff_a):
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    return client


# --- Who may see each page --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_sign_in_page_offers_a_link_instead(client):
    body = client.get("/account/sign-in/").content.decode()
    assert 'href="/account/sign-in/email-link/"' in body
    assert "Email me a link to sign in instead" in body


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/account/invite/", "/account/invite/sent/"])
def test_anonymous_people_are_asked_to_sign_in_to_invite(client, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/account/sign-in/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/account/invite/",
        "/account/invite/sent/",
        "/account/two-step/",
        "/account/two-step/set-up/",
        "/account/two-step/recovery-codes/",
    ],
)
def test_citizens_get_404_on_staff_pages(client, citizen_a, path):
    client.force_login(citizen_a)
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_recovery_codes_are_404_once_shown(staff_client):
    assert staff_client.get("/account/two-step/recovery-codes/").status_code == 404


@pytest.mark.django_db
def test_a_verified_staff_member_visiting_the_code_page_goes_on(staff_client):
    assert staff_client.get("/account/two-step/?next=/account/")["Location"] == "/account/"
    assert staff_client.get("/account/two-step/set-up/")["Location"] == "/account/"


# --- The wrong method -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "method,path",
    [
        ("put", "/account/sign-in/email-link/"),
        ("post", "/account/sign-in/email-link/sent/"),
        ("put", "/account/sign-in/link/some-token/"),
        ("get", "/account/sign-in/link/some-token/new/"),
        ("put", "/account/invitation/some-token/"),
        ("delete", "/account/invite/"),
        ("post", "/account/invite/sent/"),
        ("put", "/account/two-step/"),
        ("put", "/account/two-step/set-up/"),
        ("post", "/account/two-step/recovery-codes/"),
    ],
)
def test_the_wrong_method_gets_405(staff_client, method, path):
    assert getattr(staff_client, method)(path).status_code == 405


# --- Error summaries (IO-9) -------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "email,message",
    [
        ("", "Enter an email address"),
        ("not-an-email", "like name@example.com"),
    ],
)
def test_io9_a_bad_email_for_a_link_is_explained(client, email, message):
    response = client.post("/account/sign-in/email-link/", {"email": email})
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and message in body
    assert "<title>Error: Get a link to sign in" in body
    assert '<a href="#id_email">' in body
    assert mail.outbox == []


@pytest.mark.django_db
def test_io9_an_empty_invitation_form_is_explained(staff_client):
    response = staff_client.post("/account/invite/", {})
    body = response.content.decode()
    assert "<title>Error: Invite someone" in body
    assert "Enter an email address" in body and "Enter their name" in body
    assert "Choose what they will do here" in body
    assert '<a href="#id_role_0">' in body


@pytest.mark.django_db
def test_io9_accepting_without_choosing_is_explained(client, invitation_token):
    url = f"/account/invitation/{invitation_token}/"
    response = client.post(url, {"display_name": ""})
    body = response.content.decode()
    assert "<title>Error: Set up your account" in body
    assert "Enter the name to show" in body and "Choose how you want to sign in" in body
    assert '<a href="#id_sign_in_with_0">' in body


@pytest.mark.django_db
def test_io9_different_passwords_are_explained(client, invitation_token):
    url = f"/account/invitation/{invitation_token}/"
    response = client.post(
        url,
        {
            "display_name": "Nell",
            "sign_in_with": "password",
            "password1": "a long new passphrase 42",
            "password2": "a long new passphrase 43",
        },
    )
    body = response.content.decode()
    assert "The two passwords are not the same" in body
    assert '<a href="#id_password2">' in body


@pytest.mark.django_db
def test_io9_an_empty_code_is_explained(client, staff_a):
    confirmed_device(staff_a)
    client.force_login(staff_a)
    response = client.post("/account/two-step/", {"code": ""})
    body = response.content.decode()
    assert "<title>Error: Enter your code" in body and "Enter the code" in body


# --- Pages that work without JavaScript ---------------------------------------------------------


@pytest.mark.django_db
def test_the_password_fields_are_on_the_page_without_javascript(client, invitation_token):
    body = client.get(f"/account/invitation/{invitation_token}/").content.decode()
    # No conditional reveal: GOV.UK's puts aria-expanded on radios, which axe rightly refuses.
    assert "govuk-radios__conditional--hidden" not in body and "data-aria-controls" not in body
    assert 'name="password1"' in body and 'name="password2"' in body
    assert "With a link sent to my email each time" in body
    assert 'style="' not in body


# --- Query counts: each page costs the same whatever the data -------------------------------


@pytest.mark.django_db
def test_link_request_page_queries(client, django_assert_max_num_queries):
    # None: no session, no user, no rows.
    with django_assert_max_num_queries(0):
        assert client.get("/account/sign-in/email-link/").status_code == 200


@pytest.mark.django_db
def test_link_request_post_queries(client, citizen_a, django_assert_max_num_queries):
    # Rate limit: savepoint, prune old requests, count for the email, count for the address,
    # record, release (6); the person (1); the link: savepoint, prune old links, insert,
    # release (4). The same for an unknown address, less the link's four.
    with django_assert_max_num_queries(11):
        client.post("/account/sign-in/email-link/", {"email": citizen_a.email})


@pytest.mark.django_db
def test_link_page_queries(client, citizen_a, django_assert_max_num_queries):
    client.post("/account/sign-in/email-link/", {"email": citizen_a.email})
    token = mail.outbox[0].body.split("/account/sign-in/link/")[1].split("/")[0]
    # The link with its person, in one query.
    with django_assert_max_num_queries(1):
        assert client.get(f"/account/sign-in/link/{token}/").status_code == 200


@pytest.mark.django_db
def test_invitation_page_queries(client, invitation_token, django_assert_max_num_queries):
    # The invitation; whether its address already has an account.
    with django_assert_max_num_queries(2):
        assert client.get(f"/account/invitation/{invitation_token}/").status_code == 200


@pytest.mark.django_db
def test_invite_page_queries(staff_client, django_assert_max_num_queries):
    # Session; user; the verified device (OTPMiddleware); the unread notifications count in the
    # header. No rows that grow with the data.
    with django_assert_max_num_queries(4):
        assert staff_client.get("/account/invite/").status_code == 200


@pytest.mark.django_db
def test_code_page_queries(client, staff_a, django_assert_max_num_queries):
    confirmed_device(staff_a)
    client.force_login(staff_a)
    # Session; user; whether they have a confirmed app (the middleware lets this page through
    # without asking); the unread notifications count in the header.
    with django_assert_max_num_queries(4):
        assert client.get("/account/two-step/").status_code == 200
