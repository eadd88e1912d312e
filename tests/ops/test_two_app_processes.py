"""Several app processes behind one load balancer work unchanged: nothing lives in one process's
memory. Two gunicorn processes on two loopback ports share one database; a person signs in
through one and carries on through the other with the same session cookie, then signs out
through the second and is signed out on the first too.

The processes run with DEBUG=1 only so that static files are served without `collectstatic`
(which takes longer than this whole test); sessions, CSRF and sign-in are as in production.
"""

import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.people.factories import PASSWORD, UserFactory

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 90  # seconds for both processes to answer /healthz (slow on a busy machine)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def shared_database_env(tmp_path: Path) -> dict[str, str]:
    """Point the processes at the test database: a copy of it on SQLite, itself on PostgreSQL."""
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        copy = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(copy)
        copy.close()
        return {"SQLITE_PATH": str(path)}
    settings = connection.settings_dict
    user = urllib.parse.quote(settings["USER"] or "")
    password = urllib.parse.quote(settings["PASSWORD"] or "")
    credentials = f"{user}:{password}@" if password else f"{user}@"
    return {
        "DATABASE_URL": f"postgres://{credentials}{settings['HOST']}:{settings['PORT']}/"
        f"{settings['NAME']}"
    }


def start(port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        str(ROOT / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--graceful-timeout",
        "5",
    ]
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def wait_until_ready(ports: list[int], processes: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    waiting = set(ports)
    while waiting and time.monotonic() < deadline:
        assert all(p.poll() is None for p in processes), "an app process stopped while starting"
        for port in list(waiting):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                waiting.discard(port)
            except OSError:
                pass
        time.sleep(0.2)
    assert not waiting, f"ports {sorted(waiting)} did not answer within {START_TIMEOUT}s"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def two_processes(tmp_path, transactional_db):
    # The person exists before the database is shared (on SQLite the processes get a copy).
    person = UserFactory(email="two.processes@example.org", display_name="Priya Two-Ports")
    # The test settings hash with MD5 for speed; the app processes accept PBKDF2 and argon2 only.
    person.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    person.save(update_fields=["password"])
    try:
        ports = [free_port(), free_port()]
    except OSError as error:
        pytest.skip(f"cannot bind a loopback port here: {error}")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH"}}
    env.update(
        DJANGO_SETTINGS_MODULE="copro.settings",
        DEBUG="1",
        SECRET_KEY="two-processes-test-key-" + "k3" * 20,
        ALLOWED_HOSTS="127.0.0.1",
        COPRO_VAR_DIR=str(tmp_path),
        MEDIA_ROOT=str(tmp_path / "media"),
        PYTHONPATH=str(ROOT),
        **shared_database_env(tmp_path),
    )
    processes = [start(port, env, tmp_path / f"gunicorn-{port}.log") for port in ports]
    try:
        try:
            wait_until_ready(ports, processes)
        except AssertionError as error:
            logs = "".join(log.read_text()[-2000:] for log in tmp_path.glob("gunicorn-*.log"))
            raise AssertionError(f"{error}\n{logs}") from None
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


def fetch(opener, url: str, data: dict | None = None) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def csrf_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_session_made_on_one_process_works_on_the_other(two_processes):
    first, second = (f"http://127.0.0.1:{port}" for port in two_processes)
    jar = http.cookiejar.CookieJar()  # one browser: cookies for 127.0.0.1 go to either port
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    status, page = fetch(browser, f"{first}/account/sign-in/")
    assert status == 200
    status, _ = fetch(
        browser,
        f"{first}/account/sign-in/",
        {
            "csrfmiddlewaretoken": csrf_token(page),
            "username": "two.processes@example.org",
            "password": PASSWORD,
        },
    )
    assert status == 302, "signing in through the first process failed"

    status, page = fetch(browser, f"{second}/account/profile/")
    assert status == 200, "the second process did not know the session"
    assert "Priya Two-Ports" in page

    # Signing out through the second process ends the session on the first too.
    status, _ = fetch(
        browser, f"{second}/account/sign-out/", {"csrfmiddlewaretoken": csrf_token(page)}
    )
    assert status in (200, 302)
    status, _ = fetch(browser, f"{first}/account/profile/")
    assert status == 302, "the first process still honoured a session ended on the second"
