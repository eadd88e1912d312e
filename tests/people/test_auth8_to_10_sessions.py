"""AUTH-8 disabled accounts, AUTH-9 password change ends other sessions, AUTH-10 time limits."""

import pytest
import time_machine
from django.test import Client
from django.utils import timezone


def sign_in(email, password) -> Client:
    client = Client()
    response = client.post("/account/sign-in/", {"username": email, "password": password})
    assert response.status_code == 302
    return client


@pytest.mark.django_db
def test_auth8_a_disabled_account_is_signed_out_at_the_next_request(citizen_a, password):
    client = sign_in(citizen_a.email, password)
    assert client.get("/api/v1/me").status_code == 200
    citizen_a.is_active = False
    citizen_a.save()
    assert client.get("/api/v1/me").status_code == 401
    page = client.get("/account/change-password/")
    assert page.status_code == 302 and page["Location"].startswith("/account/sign-in/")


@pytest.mark.django_db
def test_auth9_changing_the_password_ends_other_sessions_but_keeps_this_one(citizen_a, password):
    first = sign_in(citizen_a.email, password)
    second = sign_in(citizen_a.email, password)
    response = first.post(
        "/account/change-password/",
        {
            "old_password": password,
            "new_password1": "a brand new passphrase",
            "new_password2": "a brand new passphrase",
        },
    )
    assert response.status_code == 302
    assert first.get("/api/v1/me").status_code == 200
    assert second.get("/api/v1/me").status_code == 401


@pytest.mark.django_db
def test_auth10_idle_for_longer_than_the_limit_means_signing_in_again(citizen_a, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = sign_in(citizen_a.email, password)
        assert client.get("/account/change-password/").status_code == 200
    with time_machine.travel(start + timezone.timedelta(minutes=29), tick=False):
        assert client.get("/account/change-password/").status_code == 200
    with time_machine.travel(start + timezone.timedelta(minutes=60), tick=False):
        response = client.get("/account/change-password/")
        assert response.status_code == 302
        assert "timed_out=1" in response["Location"]
        assert "next=%2Faccount%2Fchange-password%2F" in response["Location"]
        follow = client.get(response["Location"])
        assert "You were signed out because you had not done anything for a while" in (
            follow.content.decode()
        )


@pytest.mark.django_db
def test_auth10_an_active_session_still_ends_after_the_absolute_limit(citizen_a, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = sign_in(citizen_a.email, password)
    # Active every 20 minutes for 12 hours: never idle, but too old in the end.
    for step in range(1, 37):
        with time_machine.travel(start + timezone.timedelta(minutes=20 * step), tick=False):
            assert client.get("/api/v1/me").status_code == 200
    with time_machine.travel(start + timezone.timedelta(hours=12, minutes=5), tick=False):
        assert client.get("/api/v1/me").status_code == 401


@pytest.mark.django_db
def test_auth10_stay_signed_in_counts_as_activity(citizen_a, password):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = sign_in(citizen_a.email, password)
    with time_machine.travel(start + timezone.timedelta(minutes=28), tick=False):
        assert client.post("/account/stay-signed-in/").status_code == 204
    with time_machine.travel(start + timezone.timedelta(minutes=50), tick=False):
        assert client.get("/api/v1/me").status_code == 200


@pytest.mark.django_db
def test_auth10_stay_signed_in_needs_post_and_sign_in(client, citizen_a):
    assert client.post("/account/stay-signed-in/").status_code == 302
    client.force_login(citizen_a)
    assert client.get("/account/stay-signed-in/").status_code == 405


@pytest.mark.django_db
def test_auth10_signed_in_pages_carry_the_warning_dialog(client, citizen_a):
    client.force_login(citizen_a)
    body = client.get("/account/").content.decode()
    assert 'data-session-idle-seconds="1800"' in body
    assert "You will be signed out soon" in body
    anonymous = Client().get("/").content.decode()
    assert "session-timeout" not in anonymous
