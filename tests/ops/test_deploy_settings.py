"""The production settings that docs/deploy/README.md describes: gunicorn's configuration and
database connection health checks."""

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def gunicorn_config(monkeypatch, web_concurrency: str | None, cores: int = 4) -> dict:
    if web_concurrency is None:
        monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    else:
        monkeypatch.setenv("WEB_CONCURRENCY", web_concurrency)
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: cores)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


@pytest.mark.parametrize(
    ("web_concurrency", "cores", "workers"),
    [("3", 4, 3), (None, 1, 3), (None, 2, 5), (None, 16, 8)],
)
def test_gunicorn_workers_come_from_web_concurrency_or_the_cores(
    monkeypatch, web_concurrency, cores, workers
):
    assert gunicorn_config(monkeypatch, web_concurrency, cores)["workers"] == workers


def test_gunicorn_keeps_no_access_log_and_writes_json_errors_to_stderr(monkeypatch):
    config = gunicorn_config(monkeypatch, None)
    assert config["accesslog"] is None  # LOG-4: paths can carry secret tokens
    assert config["errorlog"] == "-"
    assert config["timeout"] == 30
    handler = config["logconfig_dict"]["handlers"]["stderr"]
    assert handler["stream"] == "ext://sys.stderr"
    assert config["logconfig_dict"]["formatters"]["json"]["()"].endswith("JsonFormatter")


def database_settings(**extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}}
    env.update(DJANGO_SETTINGS_MODULE="copro.settings", SECRET_KEY="k" * 50, **extra)
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_persistent_postgres_connections_are_health_checked_by_default():
    assert database_settings(DATABASE_URL="postgres://u@db.internal/copro") == "60 True"


def test_connection_health_checks_can_be_switched_off():
    url = "postgres://u@db.internal/copro"
    assert database_settings(DATABASE_URL=url, CONN_HEALTH_CHECKS="0") == "60 False"
