"""Issue 17: the README's local commands work as printed in a checkout that `make run` set up
(`copro` reads var/local.env), a missing setting is one plain line, and a second `copro demo`
reports the same counts as the first (CFG-1: a real service still refuses without SECRET_KEY)."""

import io
import os
import re
import subprocess
import sys

import pytest
from django.core.management import call_command

from copro.manage import read_local_settings

RUN_COPRO = "import sys; from copro.manage import main; sys.argv = ['copro', 'check']; main()"


def _copro_check(var_dir, monkeypatch_env: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    env.update(COPRO_VAR_DIR=str(var_dir), DJANGO_SETTINGS_MODULE="copro.settings")
    env.update(monkeypatch_env)
    return subprocess.run(
        [sys.executable, "-c", RUN_COPRO], env=env, capture_output=True, text=True, timeout=120
    )


def test_cfg1_missing_secret_key_is_one_plain_line(tmp_path):
    result = _copro_check(tmp_path, {})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("copro: SECRET_KEY is not set.")


def test_a_checkout_that_make_run_set_up_runs_copro_as_printed(tmp_path):
    (tmp_path / "local.env").write_text("# Written by make run\nDEBUG=1\n")
    result = _copro_check(tmp_path, {})
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_environment_wins_over_the_local_file(tmp_path, monkeypatch):
    path = tmp_path / "local.env"
    path.write_text("DEBUG=1\nSITE_URL=http://127.0.0.1:8080\n# a comment\nnot a setting\n")
    monkeypatch.setenv("DEBUG", "0")
    monkeypatch.delenv("SITE_URL", raising=False)
    read_local_settings(path)
    assert os.environ["DEBUG"] == "0" and os.environ["SITE_URL"] == "http://127.0.0.1:8080"


@pytest.mark.django_db
def test_a_second_demo_run_reports_the_same_counts(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path

    def run() -> list[str]:
        out = io.StringIO()
        call_command("demo", stdout=out)
        return [line for line in out.getvalue().splitlines() if re.search(r"\d+ meetings", line)]

    first = run()
    assert first and run() == first
