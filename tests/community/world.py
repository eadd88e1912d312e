"""A small community world: an ambassador, a member of staff who runs two published projects
(one with a published case study, one with a draft), a Community of Practice member, two
citizens, and a free clinic and a booked clinic a few days away."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from copro.community import services
from copro.community.models import CaseStudy, ClinicBooking, ClinicSlot
from copro.framework.models import NetworkGroup
from copro.meetings.models import Venue
from copro.people.models import GroupMembership, User
from copro.projects.models import Project
from tests.people.factories import UserFactory
from tests.projects.factories import D, MembershipFactory, ProjectFactory

STAGES = [("idea", D(2026, 1, 5)), ("design", D(2026, 3, 2)), ("delivery", D(2026, 6, 1))]


def join(person: User, slug: str) -> User:
    GroupMembership.objects.create(
        group=NetworkGroup.objects.get(slug=slug), user=person, joined_on=timezone.localdate()
    )
    return person


def make_slot(host: User, *, days: int = 3, hour: int = 10, venue=None, **kwargs) -> ClinicSlot:
    return ClinicSlot.objects.create(
        host=host,
        date=timezone.localdate() + datetime.timedelta(days=days),
        starts_at=datetime.time(hour, 0),
        duration_minutes=kwargs.pop("duration_minutes", 30),
        topic=kwargs.pop("topic", "Getting started"),
        venue=venue,
        online_link="" if venue else "https://meet.example.org/clinic",
        **kwargs,
    )


def make_published_project(lead: User, **kwargs) -> Project:
    project = ProjectFactory(visibility=Project.Visibility.PUBLIC, stages=STAGES, **kwargs)
    MembershipFactory(project=project, user=lead, kind="qualification", role="lead")
    MembershipFactory(project=project)  # an expert by experience
    return project


def make_case_study(project: Project, by: User, *, publish=True, **texts) -> CaseStudy:
    fields = {"summary": "What we set out to do.", "idea": "We met first.", **texts}
    return services.case_study_save(project=project, by=by, fields=fields, publish=publish)


@dataclass
class CommunityWorld:
    ambassador: User
    staff: User
    practitioner: User  # in the Community of Practice
    citizen: User
    other_citizen: User
    administrator: User
    venue: Venue
    free_slot: ClinicSlot
    booked_slot: ClinicSlot
    booking: ClinicBooking  # the citizen's
    project: Project
    other_project: Project
    case_study: CaseStudy  # published
    draft: CaseStudy


def make_world() -> CommunityWorld:
    ambassador = join(UserFactory(display_name="Amir"), "ambassadors-network")
    staff = UserFactory(display_name="Sam", role="staff")
    practitioner = join(UserFactory(display_name="Priya"), "community-of-practice")
    citizen = UserFactory(display_name="Asha")
    venue = Venue.objects.create(name="Town Hall", address="1 High Street", features=["step_free"])
    free_slot = make_slot(ambassador, venue=venue)
    booked_slot = make_slot(ambassador, days=4)
    booking = ClinicBooking.objects.create(slot=booked_slot, person=citizen, question="Help")
    project = make_published_project(staff, title="Short breaks")
    other_project = make_published_project(staff, title="Library hours")
    return CommunityWorld(
        ambassador=ambassador,
        staff=staff,
        practitioner=practitioner,
        citizen=citizen,
        other_citizen=UserFactory(display_name="Ben"),
        administrator=UserFactory(
            display_name="Ada", role="administrator", is_staff=True, is_superuser=True
        ),
        venue=venue,
        free_slot=free_slot,
        booked_slot=booked_slot,
        booking=booking,
        project=project,
        other_project=other_project,
        case_study=make_case_study(project, staff),
        draft=make_case_study(other_project, staff, publish=False),
    )
