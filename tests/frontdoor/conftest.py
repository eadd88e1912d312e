import pytest

from tests.people.mfa_helpers import verify_second_factor


@pytest.fixture
def staff_client(client, staff_a):
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    return client
