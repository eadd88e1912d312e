"""A cast for reports: a project with members, a published project, staff, an administrator, a
member of the Advisory Board and an outsider."""

from dataclasses import dataclass

import pytest

from copro.framework.models import NetworkGroup
from copro.people.models import GroupMembership, User
from copro.projects.evidence.placement import placement_refresh
from copro.projects.models import Membership, Project
from tests.people.factories import UserFactory
from tests.projects.factories import D, MembershipFactory, project_with_history

STAGES = (("idea", D(2026, 1, 12)), ("design", D(2026, 2, 9)))


def sign_in(client, user):
    """Sign in; staff and administrators also pass the second step (AUTH-5)."""
    client.force_login(user)
    if user.needs_second_factor:
        from tests.people.mfa_helpers import verify_second_factor

        verify_second_factor(client, user)
    return client


@dataclass
class Cast:
    private: Project  # open to its members only
    published: Project
    member: User  # an expert by experience in `private`
    outsider: User
    staff: User  # not a member of `private`
    administrator: User
    board_member: User


def board_member_make() -> User:
    group, _ = NetworkGroup.objects.get_or_create(
        slug="advisory-board", defaults={"name": "Advisory Board", "order": 1}
    )
    person = UserFactory(display_name="Bea (board)")
    GroupMembership.objects.create(group=group, user=person, joined_on=D(2026, 1, 5))
    return person


@pytest.fixture
def cast(db) -> Cast:
    private = project_with_history(
        stages=STAGES, experts=3, decisions=(("design", True),), ideas=(("design", "adopted"),)
    )
    private.title = "Library opening hours"
    private.service_area = "Libraries"
    private.save()
    published = project_with_history(stages=STAGES, experts=6, visibility=Project.Visibility.PUBLIC)
    published.title = "Warm spaces"
    published.service_area = "Housing"
    published.save()
    for project in (private, published):
        placement_refresh(project=project)
    member = Membership.objects.filter(project=private, kind="experience").first().user
    return Cast(
        private=private,
        published=published,
        member=member,
        outsider=UserFactory(display_name="Olu"),
        staff=UserFactory(display_name="Sam (staff)", role="staff"),
        administrator=UserFactory(display_name="Ada (admin)", role="administrator"),
        board_member=board_member_make(),
    )


__all__ = ["MembershipFactory", "sign_in"]
