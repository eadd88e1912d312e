"""A small world for conversations: project A with a lead, two members (one by experience),
project B with its own member, an outsider, a moderator of project A and an administrator.

    w = make_world()
    thread = a_thread(w, by=w.asha)
"""

from dataclasses import dataclass

from copro.conversations import services
from copro.conversations.models import Moderator
from copro.people.models import User
from copro.projects.models import Project
from tests.people.factories import UserFactory
from tests.projects.factories import MembershipFactory, ProjectFactory


@dataclass
class World:
    project_a: Project
    project_b: Project
    lead: User
    asha: User  # expert by experience, member of A
    ben: User  # expert by qualification, member of A
    bea: User  # member of B only
    outsider: User
    moderator: User  # moderates project A only
    administrator: User
    lead_membership: object
    asha_membership: object


def make_world() -> World:
    project_a = ProjectFactory(title="Project A")
    project_b = ProjectFactory(title="Project B")
    lead = UserFactory(display_name="Lena (lead)", role="staff")
    asha = UserFactory(display_name="Asha")
    ben = UserFactory(display_name="Ben", role="staff")
    bea = UserFactory(display_name="Bea")
    lead_m = MembershipFactory(project=project_a, user=lead, kind="qualification", role="lead")
    asha_m = MembershipFactory(project=project_a, user=asha, kind="experience")
    MembershipFactory(project=project_a, user=ben, kind="qualification")
    MembershipFactory(project=project_b, user=bea, kind="experience")
    moderator = UserFactory(display_name="Mo (moderator)", role="staff")
    Moderator.objects.create(user=moderator, project=project_a)
    return World(
        project_a=project_a,
        project_b=project_b,
        lead=lead,
        asha=asha,
        ben=ben,
        bea=bea,
        outsider=UserFactory(display_name="Olu (outsider)"),
        moderator=moderator,
        administrator=UserFactory(
            display_name="Ada", role="administrator", is_staff=True, is_superuser=True
        ),
        lead_membership=lead_m,
        asha_membership=asha_m,
    )


def a_thread(w: World, *, by=None, title="About the draft", body="What do you all think?"):
    return services.thread_start(project=w.project_a, title=title, body=body, by=by or w.asha)
