"""LOAD-5: overload gives a quick 503 with Retry-After, never a 500 or a dropped connection.

The load balancer stamps each request with X-Request-Start; a request that has already waited
longer than REQUEST_QUEUE_LIMIT_MS is refused before it touches the database."""

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copro.core.middleware import queued_ms
from copro.people.models import User


@pytest.fixture
def limit(settings):
    settings.REQUEST_QUEUE_LIMIT_MS = 2000
    return settings


def stamp(seconds_ago: float, unit: str = "s") -> str:
    moment = time.time() - seconds_ago
    value = {"s": moment, "ms": moment * 1e3, "us": moment * 1e6}[unit]
    return f"t={value:.3f}"


@pytest.mark.django_db
@pytest.mark.parametrize("unit", ["s", "ms", "us"])
def test_load5_a_request_that_queued_too_long_gets_503_busy_without_touching_the_database(
    client, limit, unit, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/", HTTP_X_REQUEST_START=stamp(5, unit))
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "Sorry, the service is very busy" in response.content.decode()
    assert response["X-Request-ID"]


@pytest.mark.django_db
def test_load5_a_write_refused_for_overload_saves_nothing(client, limit):
    before = User.objects.count()
    response = client.post(
        "/account/sign-in/",
        {"username": "x@example.org", "password": "nope"},
        HTTP_X_REQUEST_START=stamp(10),
    )
    assert response.status_code == 503
    assert User.objects.count() == before


@pytest.mark.django_db
def test_load5_requests_within_the_limit_and_health_checks_are_served(client, limit):
    assert client.get("/", HTTP_X_REQUEST_START=stamp(0.1)).status_code == 200
    assert client.get("/healthz", HTTP_X_REQUEST_START=stamp(60)).status_code == 200
    assert client.get("/", HTTP_X_REQUEST_START="t=rubbish").status_code == 200
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_load5_shedding_is_off_unless_configured(client, settings):
    settings.REQUEST_QUEUE_LIMIT_MS = 0
    assert client.get("/", HTTP_X_REQUEST_START=stamp(60)).status_code == 200


@given(st.text(max_size=40))
def test_load5_any_header_value_is_read_or_ignored_never_raises(value):
    result = queued_ms(value, time.time())
    assert result is None or 0 <= result < 3_600_000
