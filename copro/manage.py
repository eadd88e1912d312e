"""The `copro` console script: Django's manage.py for this project.

In a checkout that `make run` set up, `copro` also reads `var/local.env` (KEY=value lines that
`make run` writes: DEBUG=1 and the local address), so the README's local commands work as
printed. The environment always wins over the file. A real service has no such file, and the
web server (gunicorn, through copro.wsgi) never reads it: docs/decisions/0020-local-settings.md.
"""

import os
import sys
from pathlib import Path

LOCAL_SETTINGS_NAME = "local.env"


def local_settings_path() -> Path:
    checkout_var = Path(__file__).resolve().parent.parent / "var"
    return Path(os.environ.get("COPRO_VAR_DIR", checkout_var)) / LOCAL_SETTINGS_NAME


def read_local_settings(path: Path) -> None:
    """KEY=value lines into the environment, never over a value already set there."""
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, value = line.split("=", 1)
        os.environ.setdefault(name.strip(), value.strip())


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "copro.settings")
    read_local_settings(local_settings_path())
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reading it loads the settings, which may refuse
    except ImproperlyConfigured as error:
        # A missing or malformed setting is one plain line, not a traceback.
        sys.stderr.write(f"copro: {error}\n")
        raise SystemExit(2) from None
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
