"""Fixtures for the hostile corpus: private media, a citizen and a meeting world."""

import time
import tracemalloc

import pytest

from tests.people.factories import UserFactory
from tests.reciprocity.conftest import activities  # noqa: F401 - shared with these tests


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def citizen(db):
    return UserFactory(display_name="Carla")


@pytest.fixture
def mworld(db):
    from tests.meetings.world import make_meeting_world

    return make_meeting_world()


def measure(work, *, trace: bool = True) -> tuple[object, float, int]:
    """(result or the exception raised, seconds, peak bytes traced, or 0 untraced)."""
    if not trace:
        started = time.perf_counter()
        try:
            result = work()
        except Exception as error:  # noqa: BLE001 - the caller checks what came out
            result = error
        return result, time.perf_counter() - started, 0
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = work()
    except Exception as error:  # noqa: BLE001 - the caller checks what came out
        result = error
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, seconds, peak
