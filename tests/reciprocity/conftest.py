"""Fixtures for reciprocity: a cast with roles, a rate card, a partner with offers."""

import datetime

import pytest

from copro.reciprocity.models import ActivityType, Offer, Partner, Rate
from tests.pdfs import pdf
from tests.people.factories import UserFactory

# A small, plain PDF that a real parser reads whole: enough for a receipt.
A_PDF = pdf()

# The rate card starts long before any date the tests use.
RATES_FROM = datetime.date(2020, 4, 6)


def sign_in(client, user):
    """Sign in; staff and administrators also pass the second step (AUTH-5)."""
    client.force_login(user)
    if user.needs_second_factor:
        try:
            from tests.people.mfa_helpers import verify_second_factor
        except ImportError:  # two-step sign-in not built yet
            return client
        verify_second_factor(client, user)
    return client


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Receipts go to a folder of the test's own, never the real media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def citizen(db):
    return UserFactory(display_name="Carla")


@pytest.fixture
def other_citizen(db):
    return UserFactory(display_name="Dmitri")


@pytest.fixture
def staff(db):
    return UserFactory(display_name="Sam (staff)", role="staff")


@pytest.fixture
def other_staff(db):
    return UserFactory(display_name="Sol (staff)", role="staff")


@pytest.fixture
def admin_user(db):
    return UserFactory(display_name="Ada (administrator)", role="administrator")


@pytest.fixture
def activities(db):
    meeting = ActivityType.objects.create(code="meeting", name="Attending a meeting", order=1)
    leading = ActivityType.objects.create(code="leading", name="Leading a session", order=2)
    Rate.objects.create(
        activity_type=meeting,
        effective_from=RATES_FROM,
        pay_basis=Rate.PayBasis.PER_HOUR,
        pay_pence=1500,
        credits_per_hour=1,
    )
    Rate.objects.create(
        activity_type=leading,
        effective_from=RATES_FROM,
        pay_basis=Rate.PayBasis.PER_SESSION,
        pay_pence=7500,
        credits_per_hour=2,
    )
    return {"meeting": meeting, "leading": leading}


@pytest.fixture
def offer(db):
    partner = Partner.objects.create(name="Riverside Leisure Centre")
    return Offer.objects.create(partner=partner, title="A swim", credits=2)
