"""Shared set-up for the equality-monitoring tests (no tests here): people who have answered,
staff who have passed two-step sign-in, and the reference population."""

import uuid

from django.utils import timezone

from copro.people import reference
from copro.people.models import Profile, User
from copro.people.models.equality import EqualityAnswers, EqualityKey
from tests.people.factories import UserFactory

try:  # added by the two-step sign-in work (AUTH-5)
    from tests.people.mfa_helpers import verify_second_factor
except ImportError:  # pragma: no cover - before two-step sign-in exists

    def verify_second_factor(client, user):
        return None


def answered_people(count: int, *, takes_part_as: str = "", **answers) -> list[User]:
    """`count` people who consented and gave `answers`, made in a handful of queries."""
    start = User.objects.count()
    users = User.objects.bulk_create(
        User(email=f"answered{start + i}-{uuid.uuid4().hex[:6]}@example.org", display_name="P")
        for i in range(count)
    )
    if takes_part_as:
        Profile.objects.bulk_create(Profile(user=u, takes_part_as=takes_part_as) for u in users)
    keys = EqualityKey.objects.bulk_create(EqualityKey(user=u) for u in users)
    now = timezone.now()
    EqualityAnswers.objects.bulk_create(
        EqualityAnswers(
            pseudonym=k.pseudonym, consent_given_at=now, consent_wording_version="test", **answers
        )
        for k in keys
    )
    return users


def sign_in(client, user) -> None:
    """Sign in, passing two-step sign-in where the person needs it."""
    client.force_login(user)
    if user.needs_second_factor:
        verify_second_factor(client, user)


def staff_member(**extra) -> User:
    return UserFactory(role="staff", **extra)


def load_oxfordshire() -> None:
    reference.reference_import_oxfordshire()
