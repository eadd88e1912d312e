import pytest


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Papers go to a folder of the test's own, never the real media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield


@pytest.fixture
def mworld(db):
    from tests.meetings.world import make_meeting_world

    return make_meeting_world()
