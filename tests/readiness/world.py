"""A small audit world: two members-only projects, an organisation round still open (not
published), a published organisation round, a published round of project B, an Advisory Board
member and an outsider."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from copro.framework.models import NetworkGroup
from copro.people.models import GroupMembership, User
from copro.projects.models import Membership, Project
from copro.readiness import services
from copro.readiness.models import AuditRound
from tests.people.factories import UserFactory
from tests.projects.factories import MembershipFactory, ProjectFactory

D = datetime.date


def make_board_member(**kwargs) -> User:
    person = UserFactory(**{"display_name": "Bea", **kwargs})
    GroupMembership.objects.create(
        group=NetworkGroup.objects.get(slug="advisory-board"),
        user=person,
        joined_on=timezone.localdate(),
    )
    return person


@dataclass
class AuditWorld:
    participant: User  # a citizen in the open organisation round and a member of project A
    member_b: User  # a citizen in project B and its round
    board: User
    citizen: User  # signed in, in nothing
    staff: User  # council staff, in no round or project
    administrator: User
    project_a: Project
    project_b: Project
    open_round: AuditRound
    published_round: AuditRound
    project_round: AuditRound


def make_world() -> AuditWorld:
    participant = UserFactory(display_name="Asha")
    member_b = UserFactory(display_name="Ben")
    staff = UserFactory(display_name="Sam", role="staff")
    runner = UserFactory(display_name="Jo", role="staff")
    administrator = UserFactory(
        display_name="Ada", role="administrator", is_staff=True, is_superuser=True
    )
    project_a = ProjectFactory(title="Short breaks")
    project_b = ProjectFactory(title="Bus stops")
    MembershipFactory(project=project_a, user=participant)
    MembershipFactory(project=project_b, user=member_b)
    MembershipFactory(project=project_b, user=runner, kind=Membership.Kind.QUALIFICATION)

    open_round = services.round_start(
        title="Autumn audit", project=None, held_on=D(2026, 10, 1), by=runner
    )
    services.participant_add(round=open_round, person=participant, by=runner)
    services.participant_add(round=open_round, person=runner, by=runner)

    published = services.round_start(
        title="Spring audit", project=None, held_on=D(2026, 4, 1), by=runner
    )
    services.participant_add(round=published, person=runner, by=runner)
    services.round_close(round=published, by=runner)
    services.round_publish(round=published, by=runner)

    project_round = services.round_start(
        title="Bus stops audit", project=project_b, held_on=D(2026, 6, 1), by=runner
    )
    services.participant_add(round=project_round, person=member_b, by=runner)
    services.round_close(round=project_round, by=runner)
    services.round_publish(round=project_round, by=runner)
    return AuditWorld(
        participant=participant,
        member_b=member_b,
        board=make_board_member(),
        citizen=UserFactory(display_name="Cal"),
        staff=staff,
        administrator=administrator,
        project_a=project_a,
        project_b=project_b,
        open_round=open_round,
        published_round=published,
        project_round=project_round,
    )
