"""FLT-4, FLT-5 and FLT-9: faults that need real processes (marker `faults`, run by
`make faults`, left out of `make test`).

Each test starts its own gunicorn (or task worker) on a loopback port, against the test
database (on SQLite a copy of it, on PostgreSQL the test database itself), with the test-only
page tests/faults/urls.py:slow_write that holds a write open long enough to break the worker.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from copro.people.models import SignInLinkRequest
from tests.ops.test_two_app_processes import free_port, shared_database_env

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 90


def app_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH"}}
    env.update(
        DJANGO_SETTINGS_MODULE="tests.faults.app_settings",
        DEBUG="1",  # static files without collectstatic; errors still show the plain pages
        SECRET_KEY="faults-test-key-" + "f4" * 24,
        ALLOWED_HOSTS="127.0.0.1",
        COPRO_VAR_DIR=str(tmp_path),
        MEDIA_ROOT=str(tmp_path / "media"),
        PYTHONPATH=str(ROOT),
        **shared_database_env(tmp_path),
    )
    return env


class Gunicorn:
    def __init__(self, tmp_path: Path, *args: str):
        self.port = free_port()
        self.log = tmp_path / f"gunicorn-{self.port}.log"
        self.env = app_env(tmp_path)
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--graceful-timeout",
            "3",
            *args,
        ]
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            if self.get("/healthz")[0] == 200:
                return
            time.sleep(0.2)
        raise AssertionError("gunicorn did not start:\n" + self.log.read_text()[-3000:])

    def get(self, path: str, timeout: float = 5) -> tuple[int | None, str]:
        try:
            url = f"http://127.0.0.1:{self.port}{path}"
            with urllib.request.urlopen(url, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except OSError as error:  # connection refused, reset or closed without an answer
            return None, repr(error)

    def post(self, path: str, timeout: float = 30) -> tuple[int | None, str]:
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=b"")
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except OSError as error:
            return None, repr(error)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def saved_keys(env: dict[str, str]) -> list[str]:
    """The rows the app processes wrote, read from the database they used."""
    if "SQLITE_PATH" in env:
        with sqlite3.connect(env["SQLITE_PATH"]) as db:
            rows = db.execute("SELECT identifier_hash FROM people_signinlinkrequest").fetchall()
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return sorted(r[0] for r in rows)
    connection.close()  # see the other processes' commits
    return sorted(SignInLinkRequest.objects.values_list("identifier_hash", flat=True))


def wait_for(path: Path, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text():
            return path.read_text()
        time.sleep(0.05)
    raise AssertionError(f"{path.name} did not appear within {seconds}s")


def in_background(function) -> tuple[threading.Thread, list]:
    result: list = []
    thread = threading.Thread(target=lambda: result.append(function()))
    thread.start()
    return thread, result


@pytest.fixture
def app_processes():
    started: list[Gunicorn] = []
    yield started
    for server in started:
        server.stop()


def test_flt4_a_worker_killed_mid_write_is_replaced_and_its_write_rolled_back(
    tmp_path, app_processes
):
    server = Gunicorn(tmp_path, "--workers", "2", "--timeout", "60")
    app_processes.append(server)
    assert server.post("/faults/slow-write/?key=before")[0] == 200
    marker = tmp_path / "in-flight"
    thread, result = in_background(
        lambda: server.post(f"/faults/slow-write/?key=killed&seconds=20&marker={marker}")
    )
    pid = int(wait_for(marker))
    os.kill(pid, signal.SIGKILL)  # as the kernel's out-of-memory killer would
    thread.join(timeout=30)
    status, _ = result[0]
    assert status != 200, "the killed request claims to have succeeded"
    # The other worker kept serving, and the master starts a replacement.
    pids = set()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(pids) < 2:
        code, body = server.get("/faults/pid/")
        if code == 200:
            pids.add(int(body.split(":")[1].strip(" }")))
    assert pid not in pids and len(pids) == 2, (pid, pids)
    assert server.post("/faults/slow-write/?key=after")[0] == 200
    assert saved_keys(server.env) == ["after", "before"]  # the killed write rolled back


def test_flt5_a_request_past_the_worker_timeout_is_killed_and_saves_nothing(
    tmp_path, app_processes
):
    server = Gunicorn(tmp_path, "--workers", "1", "--timeout", "3")
    app_processes.append(server)
    marker = tmp_path / "in-flight"
    status, _ = server.post(f"/faults/slow-write/?key=slow&seconds=15&marker={marker}")
    assert status != 200
    assert wait_for(marker)  # the write had started
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.get("/healthz")[0] != 200:
        time.sleep(0.2)
    assert server.get("/healthz")[0] == 200, "no worker came back"
    assert server.post("/faults/slow-write/?key=quick")[0] == 200
    assert saved_keys(server.env) == ["quick"]
    assert "WORKER TIMEOUT" in server.log.read_text()


def test_flt9_a_task_worker_killed_mid_task_is_recovered_and_the_task_runs_again(
    tmp_path, settings
):
    """A worker killed mid-task leaves the task "running" (django-tasks-db never looks at it
    again). `copro tasks_recover`, which the worker's unit runs before starting, puts it back
    in the queue; the restarted worker runs it to the end."""
    from tests.faults.tasks import slow_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    marker = tmp_path / "task-started"
    result = slow_task.enqueue(marker=str(marker), seconds=8)
    env = app_env(tmp_path)  # after the enqueue: on SQLite the worker gets a copy
    env["DEBUG"] = "0"  # with DEBUG on, db_worker runs under the autoreloader (two processes)
    command = [
        sys.executable,
        "-m",
        "django",
        "db_worker",
        "--interval",
        "0.2",
        "--no-startup-delay",
    ]
    log = tmp_path / "worker.log"

    def start_worker():
        with log.open("ab") as out:
            return subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )

    worker = start_worker()
    try:
        pid = int(wait_for(marker, 60))
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        assert pid == worker.pid
    finally:
        if worker.poll() is None:
            worker.kill()
    assert task_status(env, result.id) == "RUNNING"  # left behind by the dead worker
    assert not Path(str(marker) + ".done").exists()
    # As the worker's unit does: recover, then start the worker again.
    recovered = subprocess.run(
        [sys.executable, "-m", "django", "tasks_recover", "--older-than", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "1 abandoned task requeued" in recovered.stdout, recovered.stderr
    worker = start_worker()
    try:
        wait_for(Path(str(marker) + ".done"), 60)
        deadline = time.monotonic() + 30
        while task_status(env, result.id) != "SUCCESSFUL" and time.monotonic() < deadline:
            time.sleep(0.3)
    finally:
        worker.terminate()
        worker.wait(timeout=15)
    assert task_status(env, result.id) == "SUCCESSFUL"


def task_status(env: dict[str, str], result_id) -> str:
    from django_tasks_db.models import DBTaskResult

    if "SQLITE_PATH" in env:
        with sqlite3.connect(env["SQLITE_PATH"]) as db:
            row = db.execute(
                "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = ?",
                [str(result_id).replace("-", "")],
            ).fetchone()
        return row[0] if row else "MISSING"
    connection.close()
    return DBTaskResult.objects.get(pk=result_id).status
