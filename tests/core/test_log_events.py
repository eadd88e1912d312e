"""LOG-1 sign-in events, LOG-3 log injection, LOG-4 no secrets in logs."""

import json
import logging

import pytest

from copro.core.logging import JsonFormatter


def formatted(caplog) -> list[str]:
    formatter = JsonFormatter()
    return [formatter.format(record) for record in caplog.records]


@pytest.mark.django_db
def test_log1_success_and_failure_are_recorded_once_each(client, citizen_a, password, caplog):
    with caplog.at_level(logging.INFO, logger="copro.auth"):
        client.post(
            "/account/sign-in/",
            {"username": citizen_a.email, "password": "wrong one"},
            REMOTE_ADDR="192.0.2.10",
        )
        client.post(
            "/account/sign-in/",
            {"username": citizen_a.email, "password": password},
            REMOTE_ADDR="192.0.2.10",
        )
    records = [json.loads(line) for line in formatted(caplog) if '"copro.auth"' in line]
    failed = [r for r in records if r["event"] == "sign_in_failed"]
    succeeded = [r for r in records if r["event"] == "sign_in_succeeded"]
    assert len(failed) == 1 and len(succeeded) == 1
    assert succeeded[0]["user_id"] == citizen_a.pk
    for record in failed + succeeded:
        assert record["ip"] == "192.0.2.10"
        assert record["time"].endswith("+00:00")
        assert record["request_id"] not in ("", "-")
    # The failure names the account only by a keyed hash.
    assert citizen_a.email not in json.dumps(failed)
    assert len(failed[0]["identifier"]) == 24


@pytest.mark.django_db
def test_log3_control_characters_cannot_forge_log_lines(client, caplog):
    hostile = 'evil@example.org\r\n{"event": "sign_in_succeeded"}\x1b[31m'
    with caplog.at_level(logging.INFO):
        client.post("/account/sign-in/", {"username": hostile, "password": "x"})
        client.get("/no-such-page/%0d%0aFAKE%20LINE\x1b[2J")
    for line in formatted(caplog):
        assert "\n" not in line and "\r" not in line and "\x1b" not in line
        json.loads(line)


@pytest.mark.django_db
def test_log4_passwords_and_reset_tokens_never_reach_the_logs(client, citizen_a, caplog):
    from django.core import mail

    canary = "canary-password-5f1d2c"
    with caplog.at_level(logging.DEBUG):
        client.post("/account/sign-in/", {"username": citizen_a.email, "password": canary})
        client.post("/account/reset-password/", {"email": citizen_a.email})
        link = [w for w in mail.outbox[0].body.split() if "/reset-password/" in w][0]
        client.get(link, follow=True)
    output = "\n".join(formatted(caplog))
    assert canary not in output
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert token not in output


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/account/invitation/{secret}/",
        "/account/sign-in/link/{secret}/",
        "/account/sign-in/link/{secret}/new/",
        "/account/reset-password/MQ/{secret}/",
        "/meetings/calendar/{secret}.ics",
    ],
)
def test_log4_a_refused_post_to_a_secret_link_does_not_log_the_secret(path, caplog):
    """A CSRF failure is logged with the request's path; a secret in the path stays out."""
    from django.test import Client

    secret = "secret-canary-9a8b7c6d5e"
    client = Client(enforce_csrf_checks=True)
    with caplog.at_level(logging.DEBUG):
        response = client.post(path.format(secret=secret), {"x": "1"})
    assert response.status_code in {403, 404, 405}
    lines = formatted(caplog)
    assert lines, "the refusal should be logged"
    assert all(secret not in line for line in lines)
