import pytest

from tests.people.mfa_helpers import verify_second_factor
from tests.readiness.world import make_world


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def sign_in(client):
    def _sign_in(person):
        client.force_login(person)
        if person.needs_second_factor:
            verify_second_factor(client, person)
        return client

    return _sign_in
