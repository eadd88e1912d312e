"""CFG-4: a failure shows a plain page; no traceback, settings, SQL or paths; logged once."""

import json
import logging

import pytest
from django.test import override_settings

LEAKS = [
    "Traceback",
    "SECRET_KEY",
    "SELECT",
    "/work/",
    "settings.py",
    "people_user",
    "RuntimeError",
]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.core.urls_errors"),
]


@pytest.fixture
def failing_client(client):
    client.raise_request_exception = False
    return client


@override_settings(DEBUG=False)
def test_cfg4_an_error_shows_a_plain_500_page(failing_client, caplog):
    with caplog.at_level(logging.ERROR):
        response = failing_client.get("/boom/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in body
    for leak in LEAKS:
        assert leak not in body
    request_id = response["X-Request-ID"]
    assert request_id in body
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].request_id == request_id


@override_settings(DEBUG=False)
def test_cfg4_a_database_error_shows_a_plain_503_page(failing_client, caplog):
    with caplog.at_level(logging.ERROR):
        response = failing_client.get("/database-down/")
    body = response.content.decode()
    assert response.status_code == 503
    assert "Sorry, the service is unavailable" in body
    assert "Nothing you just sent has been changed" in body
    for leak in LEAKS:
        assert leak not in body
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].request_id == response["X-Request-ID"]


def test_cfg4_log_lines_are_json_without_the_exception_message(failing_client, caplog):
    from copro.core.logging import JsonFormatter

    with caplog.at_level(logging.ERROR):
        failing_client.get("/database-down/")
    line = JsonFormatter().format(caplog.records[-1])
    record = json.loads(line)
    assert record["event"] == "database_error"
    assert "password" not in line
