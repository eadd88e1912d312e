"""The reciprocity signal in a project's evidence: of the times experts by experience came to a
meeting, how many got something back. Built by hand: attendance rows and rewards, no pages."""

import datetime

import pytest
from django.utils import timezone

from copro.meetings.models import Attendance, Meeting
from copro.projects.evidence.signals import NO_DATA, record_read, signals_for
from copro.reciprocity import services
from copro.reciprocity.evidence import reciprocity_signal
from copro.reciprocity.models import Reward, ThanksChoice
from tests.people.factories import UserFactory
from tests.projects.factories import ProjectFactory

pytestmark = pytest.mark.django_db

LAST_WEEK = timezone.now() - datetime.timedelta(days=7)


def held_meeting(project, starts_at=LAST_WEEK) -> Meeting:
    return Meeting.objects.create(
        project=project,
        title="Planning meeting",
        starts_at=starts_at,
        duration_minutes=90,
        format="online",
        online_link="https://meet.example.org/a",
        purpose="co-design",
    )


def came(meeting, person, kind="experience") -> Attendance:
    return Attendance.objects.create(
        meeting=meeting, user=person, status="attended", minutes=90, kind=kind
    )


def reward_for(attendance, staff, given_as=ThanksChoice.TIME_CREDITS) -> Reward:
    (reward,) = services.rewards_propose_for_meeting_attendance(attendances=[attendance], by=staff)
    kwargs = {"credits": 2} if given_as == ThanksChoice.TIME_CREDITS else {}
    return services.reward_confirm(
        reward=reward, given_as=given_as, by=staff, reason="Agreed with them", **kwargs
    )


def signal(project):
    record = record_read(project=project)
    return {s.key: s for s in signals_for(record)}["reciprocity"]


@pytest.fixture
def staff():
    return UserFactory(display_name="Sam", role="staff")


def test_registered_in_place_of_the_placeholder():
    project = ProjectFactory()
    assert signal(project).reason.startswith("No data yet: this comes from experts")


def test_no_attendances_is_no_data_yet_not_zero():
    project = ProjectFactory()
    s = reciprocity_signal(record_read(project=project), {})
    assert (s.value, s.met, s.display, s.source) == (None, None, NO_DATA, "reciprocity")


def test_a_rewarded_and_an_unrewarded_attendance_give_50_percent(staff):
    project = ProjectFactory()
    meeting = held_meeting(project)
    reward_for(came(meeting, UserFactory(display_name="Carla")), staff)
    came(meeting, UserFactory(display_name="Dmitri"))  # nothing given back
    s = signal(project)
    assert s.value == 0.5
    assert s.display == "1 of 2 (50%)"
    assert s.met is False


def test_only_experts_by_experience_at_meetings_held_in_this_project_count(staff):
    project, elsewhere = ProjectFactory(), ProjectFactory()
    meeting = held_meeting(project)
    reward_for(came(meeting, UserFactory()), staff)
    came(meeting, UserFactory(role="staff"), kind="qualification")  # paid a salary
    Attendance.objects.create(
        meeting=meeting, user=UserFactory(), status="absent", kind="experience"
    )
    came(held_meeting(elsewhere), UserFactory())  # another project's
    future = held_meeting(project, starts_at=timezone.now() + datetime.timedelta(days=3))
    came(future, UserFactory())  # not held yet
    s = signal(project)
    assert (s.value, s.display, s.met) == (1.0, "1 of 1 (100%)", True)


def test_someone_who_asked_for_nothing_is_left_out_of_both_counts(staff):
    project = ProjectFactory()
    meeting = held_meeting(project)
    reward_for(came(meeting, UserFactory()), staff, given_as=ThanksChoice.NOTHING)
    came(meeting, UserFactory())
    s = signal(project)
    assert (s.value, s.display) == (0.0, "0 of 1 (0%)")


def test_a_proposal_not_yet_confirmed_is_not_something_back(staff):
    project = ProjectFactory()
    attendance = came(held_meeting(project), UserFactory())
    services.rewards_propose_for_meeting_attendance(attendances=[attendance], by=staff)
    assert signal(project).value == 0.0


def test_one_query_whatever_the_number_of_attendances(staff, django_assert_num_queries):
    project = ProjectFactory()
    meeting = held_meeting(project)
    for _ in range(5):
        reward_for(came(meeting, UserFactory()), staff)
    record = record_read(project=project)
    # The aggregate over attendances with two EXISTS subqueries on rewards.
    with django_assert_num_queries(1):
        s = reciprocity_signal(record, {})
    assert s.value == 1.0
