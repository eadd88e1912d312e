"""CFG-1: Django's deployment checklist passes with production-like settings."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def check_deploy(tmp_path, **extra: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "DATABASE_URL",
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "SECURE_SSL_REDIRECT",
            "ALLOWED_HOSTS",
            "SECURE_COOKIES",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="copro.settings",
        DEBUG="0",
        SECRET_KEY="a-long-random-production-like-key-" + "x7Qp" * 12,
        ALLOWED_HOSTS="together.example.gov.uk",
        SITE_URL="https://together.example.gov.uk",
        COPRO_VAR_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return subprocess.run(
        [sys.executable, "-m", "copro.manage", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cfg1_check_deploy_passes_with_production_settings(tmp_path):
    result = check_deploy(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cfg1_check_deploy_passes_with_the_documented_production_set_up(tmp_path):
    """The environment docs/deploy/README.md describes: PostgreSQL with persistent, health-checked
    connections, behind an HTTPS load balancer. `check` does not connect to the database."""
    result = check_deploy(
        tmp_path,
        DATABASE_URL="postgres://copro@db.internal:5432/copro",
        CONN_MAX_AGE="60",
        CONN_HEALTH_CHECKS="1",
        BEHIND_HTTPS_PROXY="1",
        TRUSTED_PROXY_COUNT="1",
        CSRF_TRUSTED_ORIGINS="https://together.example.gov.uk",
        WEB_CONCURRENCY="3",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_cfg1_only_the_preload_warning_is_silenced_with_a_reason():
    assert settings.SILENCED_SYSTEM_CHECKS == ["security.W021"]
    source = (ROOT / "copro" / "settings.py").read_text()
    assert "HSTS preload" in source  # the written reason stands beside the setting


def test_cfg1_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="copro.settings", COPRO_VAR_DIR=str(tmp_path), PYTHONPATH=str(ROOT)
    )
    result = subprocess.run(
        [sys.executable, "-m", "copro.manage", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
