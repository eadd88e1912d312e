"""Shared fixtures: a small cast of named people (STYLE.md habit 7) and the hypothesis profiles."""

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.people.factories import PASSWORD, UserFactory

# A bounded profile for CI; the seed is printed so any failure can be replayed.
settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "dev",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "nightly",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def citizen_a(db):
    return UserFactory(email="citizen.a@example.org", display_name="Asha")


@pytest.fixture
def citizen_b(db):
    return UserFactory(email="citizen.b@example.org", display_name="Ben")


@pytest.fixture
def staff_a(db):
    return UserFactory(email="staff.a@example.org", display_name="Sam", role="staff")


@pytest.fixture
def administrator(db):
    return UserFactory(
        email="admin@example.org", display_name="Ada", is_staff=True, is_superuser=True
    )


@pytest.fixture
def signed_in(client, citizen_a):
    client.force_login(citizen_a)
    return client


@pytest.fixture(autouse=True)
def _clear_axes_cache():
    """django-axes keeps counters in the cache; start every test from a clean slate."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def clamd(settings, tmp_path):
    """A stand-in virus scanner (tests/clamd.py) that the upload checks talk to."""
    from tests.clamd import FakeClamd

    fake = FakeClamd(tmp_path / "clamd.sock")
    settings.CLAMD_SOCKET = fake.path
    yield fake
    fake.close()
