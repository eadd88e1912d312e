"""AUTH-1: ten failures lock the account from that address, or the address, for 15 minutes;
failures from many addresses lock the account everywhere; every lock lifts by itself."""

import logging

import pytest
import time_machine
from django.utils import timezone

from tests.people.factories import UserFactory


def fail(client, email, ip="10.0.0.1"):
    return client.post(
        "/account/sign-in/", {"username": email, "password": "wrong guess"}, REMOTE_ADDR=ip
    )


def sign_in_with(client, email, password, ip):
    return client.post(
        "/account/sign-in/", {"username": email, "password": password}, REMOTE_ADDR=ip
    )


@pytest.mark.django_db
def test_auth1_ten_failures_lock_the_account_from_that_address_until_the_cool_off(
    client, citizen_a, password
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(10):
            fail(client, citizen_a.email)
        # Even the right password is refused from there while locked, with a plain message.
        locked = sign_in_with(client, citizen_a.email, password, "10.0.0.1")
        assert locked.status_code == 429
        assert "too many attempts" in locked.content.decode()
        assert locked["Retry-After"] == "900"
    with time_machine.travel(start + timezone.timedelta(minutes=16), tick=False):
        recovered = sign_in_with(client, citizen_a.email, password, "10.0.0.1")
        assert recovered.status_code == 302


@pytest.mark.django_db
def test_auth1_a_stranger_cannot_lock_someone_out_from_their_own_address(
    client, citizen_a, password
):
    """Issue 14: ten wrong passwords from a stranger's address used to lock the account for
    15 minutes from everywhere: now the real person, elsewhere, still signs in."""
    for _ in range(10):
        fail(client, citizen_a.email, ip="10.6.6.6")
    assert sign_in_with(client, citizen_a.email, password, "10.9.9.9").status_code == 302


@pytest.mark.django_db
def test_auth1_failures_from_many_addresses_lock_the_account_everywhere(
    client, citizen_a, password, settings
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for n in range(settings.AXES_ACCOUNT_ADDRESSES):
            for _ in range(settings.AXES_ACCOUNT_LIMIT // settings.AXES_ACCOUNT_ADDRESSES):
                fail(client, citizen_a.email, ip=f"10.0.1.{n}")
        assert sign_in_with(client, citizen_a.email, password, "10.9.9.9").status_code == 429
    with time_machine.travel(start + timezone.timedelta(minutes=16), tick=False):
        assert sign_in_with(client, citizen_a.email, password, "10.9.9.9").status_code == 302


@pytest.mark.django_db
def test_auth1_ten_failures_from_one_address_across_accounts_lock_that_address(client, password):
    people = [UserFactory() for _ in range(11)]
    for person in people[:10]:
        fail(client, person.email, ip="10.0.0.7")
    response = client.post(
        "/account/sign-in/",
        {"username": people[10].email, "password": password},
        REMOTE_ADDR="10.0.0.7",
    )
    assert response.status_code == 429
    # Another address is not affected.
    other = client.post(
        "/account/sign-in/",
        {"username": people[10].email, "password": password},
        REMOTE_ADDR="10.0.0.8",
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_auth1_lockout_is_logged(client, citizen_a, caplog):
    with caplog.at_level(logging.INFO, logger="copro.auth"):
        for _ in range(10):
            fail(client, citizen_a.email)
    events = [r.event for r in caplog.records if r.name == "copro.auth"]
    assert events.count("sign_in_failed") == 10
    assert "sign_in_locked_out" in events
