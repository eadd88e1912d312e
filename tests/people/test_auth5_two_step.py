"""AUTH-5: staff and administrators need a second factor; used codes are refused."""

import logging
import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from copro.people.models import SignedInSession
from tests.core.urlwalk import parameterless_paths
from tests.people.mfa_helpers import confirmed_device, current_code, verify_second_factor

SET_UP = "/account/two-step/set-up/"
CODE_PAGE = "/account/two-step/"
ALWAYS_OPEN = {
    SET_UP,
    CODE_PAGE,
    "/healthz",
    "/readyz",
    "/account/sign-out/",
    "/account/stay-signed-in/",
    "/accessibility/",
    "/privacy/",
    "/cookies/",
}
PAGES = [p for p in parameterless_paths() if p not in ALWAYS_OPEN and not p.startswith("/api/")]


def sign_in(client, user, password):
    response = client.post("/account/sign-in/", {"username": user.email, "password": password})
    assert response.status_code == 302
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_auth5_staff_without_an_app_are_sent_to_set_up_from_every_page(client, staff_a, path):
    client.force_login(staff_a)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(SET_UP)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/account/", "/account/invite/", "/admin/"])
def test_auth5_staff_with_an_unverified_app_are_sent_to_the_code_page(client, staff_a, path):
    confirmed_device(staff_a)
    client.force_login(staff_a)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{CODE_PAGE}?next={path.replace('/', '%2F')}"


@pytest.mark.django_db
def test_auth5_a_post_is_redirected_too_and_does_nothing(client, staff_a):
    client.force_login(staff_a)
    response = client.post(
        "/account/invite/", {"email": "x@example.org", "display_name": "X", "role": "citizen"}
    )
    assert response.status_code == 302 and response["Location"] == SET_UP
    from copro.people.models import Invitation

    assert Invitation.objects.count() == 0


@pytest.mark.django_db
def test_auth5_sign_out_and_health_checks_stay_open(client, staff_a):
    client.force_login(staff_a)
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    for policy in ["/accessibility/", "/privacy/", "/cookies/"]:
        assert client.get(policy).status_code == 200, policy
    assert client.post("/account/sign-out/").status_code == 200


@pytest.mark.django_db
def test_auth5_set_up_then_a_correct_code_lets_them_in(client, staff_a, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, staff_a, password)
        page = client.get(SET_UP + "?next=/account/")
        body = page.content.decode()
        assert page.status_code == 200
        assert "<svg" in body and 'role="img"' in body
        assert "otpauth://totp/" in body
        secret = re.search(r'id="secret-key">([A-Z2-7 ]+)<', body).group(1)
        assert all(len(group) == 4 for group in secret.split()[:-1])
        device = TOTPDevice.objects.get(user=staff_a, confirmed=False)
        response = client.post(SET_UP, {"code": current_code(device), "next": "/account/"})
        assert response["Location"] == "/account/two-step/recovery-codes/"
        codes_page = client.get(response["Location"]).content.decode()
        codes = re.findall(r"<li>([a-z2-7]{8})</li>", codes_page)
        assert len(codes) == 10
        assert 'href="/account/"' in codes_page
        # Shown once only.
        assert client.get("/account/two-step/recovery-codes/").status_code == 404
        assert client.get("/account/").status_code == 200
    # Next time: password, then a code.
    client.post("/account/sign-out/")
    with time_machine.travel(start + timedelta(minutes=1), tick=False):
        sign_in(client, staff_a, password)
        assert client.get("/account/")["Location"].startswith(CODE_PAGE)
        device.refresh_from_db()
        key_before = client.session.session_key
        response = client.post(CODE_PAGE, {"code": current_code(device), "next": "/account/"})
        assert response["Location"] == "/account/"
        assert client.get("/account/").status_code == 200
        # Passing the second step gives the session a new key; the old one is worth nothing,
        # and the list of places the person is signed in follows the new key.
        assert client.session.session_key != key_before
        assert not SignedInSession.objects.filter(session_key=key_before).exists()
        assert SignedInSession.objects.filter(session_key=client.session.session_key).exists()


@pytest.mark.django_db
def test_auth5_a_wrong_set_up_code_is_explained_and_nothing_is_confirmed(client, staff_a):
    client.force_login(staff_a)
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": "000000"})
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "That code is not right" in body
    assert not TOTPDevice.objects.filter(user=staff_a, confirmed=True).exists()


@pytest.mark.django_db
def test_auth5_a_used_code_is_refused(client, staff_a, caplog):
    device = confirmed_device(staff_a)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        code = current_code(device)
        client.force_login(staff_a)
        assert client.post(CODE_PAGE, {"code": code})["Location"] == "/"
    client.post("/account/sign-out/")
    # Within the same 30 seconds, someone who saw the code tries it again.
    with time_machine.travel(start + timedelta(seconds=5), tick=False):
        client.force_login(staff_a)
        with caplog.at_level(logging.INFO, logger="copro.auth"):
            response = client.post(CODE_PAGE, {"code": code})
    assert response.status_code == 200
    assert "it has been used" in response.content.decode()
    assert client.get("/account/").status_code == 302
    failed = [r for r in caplog.records if getattr(r, "event", "") == "mfa_failed"]
    assert len(failed) == 1 and failed[0].user_id == staff_a.pk
    assert code not in caplog.text


@pytest.mark.django_db
def test_auth5_a_recovery_code_works_once(client, staff_a, password):
    device = confirmed_device(staff_a)
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    from copro.people import mfa

    codes = mfa._recovery_codes_replace(user=staff_a)
    client.post("/account/sign-out/")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, staff_a, password)
        # Typed with a capital and a space, as people do.
        typed = codes[0][:4].upper() + " " + codes[0][4:]
        assert client.post(CODE_PAGE, {"code": typed})["Location"] == "/"
    client.post("/account/sign-out/")
    with time_machine.travel(start + timedelta(minutes=1), tick=False):
        sign_in(client, staff_a, password)
        response = client.post(CODE_PAGE, {"code": codes[0]})
        assert response.status_code == 200
    assert StaticToken.objects.filter(device__user=staff_a).count() == 9
    assert device.user == staff_a


@pytest.mark.django_db
def test_auth5_citizens_are_not_asked(client, citizen_a):
    client.force_login(citizen_a)
    assert client.get("/account/").status_code == 200
    assert client.get(CODE_PAGE).status_code == 404
    assert client.get(SET_UP).status_code == 404


@pytest.mark.django_db
def test_auth5_the_api_answers_401_for_an_unverified_staff_member(client, staff_a):
    client.force_login(staff_a)
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "code" in response.json()["detail"]
    verify_second_factor(client, staff_a)
    assert client.get("/api/v1/me").json()["id"] == staff_a.pk


@pytest.mark.django_db
def test_auth5_the_admin_still_needs_the_second_factor(client, administrator):
    client.force_login(administrator)
    assert client.get("/admin/")["Location"].startswith(SET_UP)
    verify_second_factor(client, administrator)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_auth5_a_password_alone_cannot_add_a_second_app(client, staff_a, password):
    confirmed_device(staff_a)
    sign_in(client, staff_a, password)
    response = client.get(SET_UP)
    assert response["Location"] == CODE_PAGE
    assert TOTPDevice.objects.filter(user=staff_a).count() == 1


@pytest.mark.django_db
def test_auth5_next_never_leaves_the_site(client, staff_a):
    device = confirmed_device(staff_a)
    client.force_login(staff_a)
    response = client.post(CODE_PAGE, {"code": current_code(device), "next": "//evil.example"})
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_auth5_the_set_up_key_survives_a_refresh(client, staff_a):
    client.force_login(staff_a)
    first = client.get(SET_UP).content.decode()
    second = client.get(SET_UP).content.decode()
    key = re.compile(r'id="secret-key">([A-Z2-7 ]+)<')
    assert key.search(first).group(1) == key.search(second).group(1)
    assert TOTPDevice.objects.filter(user=staff_a).count() == 1
