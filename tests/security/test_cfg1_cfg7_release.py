"""CFG-1 and CFG-7 for the release checks docs/deploy/README.md (section 14) describes."""

from pathlib import Path

from tests.core.test_cfg1_deploy_check import check_deploy

ROOT = Path(__file__).resolve().parents[2]


def test_cfg1_check_deploy_is_clean_with_the_documented_email_outbox(tmp_path):
    result = check_deploy(
        tmp_path,
        DATABASE_URL="postgres://copro@db.internal:5432/copro",
        BEHIND_HTTPS_PROXY="1",
        TRUSTED_PROXY_COUNT="1",
        CSRF_TRUSTED_ORIGINS="https://together.example.gov.uk",
        EMAIL_BACKEND="copro.core.mail.QueuedEmailBackend",
        EMAIL_HOST="smtp.example.gov.uk",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_cfg7_make_audit_checks_the_locked_versions_strictly_and_exceptions_are_written_down():
    makefile = (ROOT / "Makefile").read_text()
    audit = makefile[makefile.index("\naudit:") :]
    assert "uv" in audit and "export" in audit  # the lock file, not whatever is installed
    assert "pip-audit" in audit and "--strict" in audit
    assert "npm audit" in audit
    ignored = [part for part in audit.split() if part.startswith("--ignore-vuln")]
    guide = (ROOT / "docs" / "deploy" / "README.md").read_text()
    assert "## 14. Security checks before each release" in guide
    # Every exception passed to pip-audit is listed in the guide with its reason.
    for flag in ignored:
        assert flag.split("=")[-1] in guide, flag
