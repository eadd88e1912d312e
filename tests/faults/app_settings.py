"""Settings for the app processes the fault tests start: the real settings, plus a few
test-only pages (tests/faults/urls.py) that hold a write open long enough to break it."""

from copro.settings import *  # noqa: F403

ROOT_URLCONF = "tests.faults.urls"
