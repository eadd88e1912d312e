import pytest

from tests.learning.world import make_world


@pytest.fixture
def world(db):
    return make_world()
