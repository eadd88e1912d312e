import pytest

from tests.conversations.factories import make_world
from tests.people.mfa_helpers import verify_second_factor


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def sign_in(client):
    def _sign_in(person):
        client.logout()
        client.force_login(person)
        if person.needs_second_factor:
            verify_second_factor(client, person)
        return client

    return _sign_in
