""" "What's next for you": the signed-in home page, built from the providers (issue 16).

The page's query count is the same whatever the data size (LOAD-6)."""

import datetime

import pytest
from django.utils import timezone

from copro.frontdoor.models import GetInvolvedRequest, WelcomeSkip
from copro.meetings.models import Invitee, Meeting, Paper
from copro.people.models.profile import AvailableSlot
from copro.projects.models import JoinRequest, Project
from tests.frontdoor.factories import GetInvolvedRequestFactory
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import verify_second_factor
from tests.projects.factories import (
    ContributionFactory,
    DecisionFactory,
    MembershipFactory,
    PositionFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def _meeting(project, days: int, title: str = "Planning day") -> Meeting:
    return Meeting.objects.create(
        project=project,
        title=title,
        starts_at=timezone.now() + datetime.timedelta(days=days),
        duration_minutes=60,
        format=Meeting.Format.ONLINE,
        online_link="https://meet.example/room",
        purpose=Meeting.Purpose.DESIGN,
    )


def _paper(meeting, n: int) -> Paper:
    return Paper.objects.create(
        meeting=meeting,
        title=f"Paper {n}",
        original_name=f"paper-{n}.txt",
        stored_name=f"x/{meeting.pk}-{n}.txt",
        kind="txt",
        size=10,
        sha256="0" * 64,
    )


def _world(person, size: int) -> None:
    """`size` of everything that should appear for `person`, and some that should not."""
    for n in range(size):
        project = ProjectFactory(visibility=Project.Visibility.MEMBERS)
        member = MembershipFactory(project=project, user=person)
        DecisionFactory(project=project, title=f"Where to meet {n}")
        answered = DecisionFactory(project=project)
        PositionFactory.for_member(answered, member)
        invited = _meeting(project, days=3 + n, title=f"Invited {n}")
        Invitee.objects.create(meeting=invited, user=person, kind="experience")
        coming = _meeting(project, days=2 + n, title=f"Coming {n}")
        Invitee.objects.create(meeting=coming, user=person, kind="experience", reply="yes")
        _paper(coming, n)
        ContributionFactory.for_member(member, status="adopted")
    # Someone else's decision in a project I am not in: never shown.
    DecisionFactory(title="Not mine")


def _home(client):
    return client.get("/").content.decode()


def test_decision_waiting_is_on_whats_next_and_goes_when_answered(client, citizen_a):
    project = ProjectFactory()
    member = MembershipFactory(project=project, user=citizen_a)
    decision = DecisionFactory(project=project, title="Where should the cafe go?")
    client.force_login(citizen_a)
    body = _home(client)
    assert "What&#x27;s next for you" in body or "What's next for you" in body
    assert "Give your view on \u2018Where should the cafe go?\u2019" in body
    assert f'href="/projects/{project.pk}/decisions/{decision.pk}/"' in body
    PositionFactory.for_member(decision, member)
    assert "Where should the cafe go?" not in _home(client)


def test_items_are_most_urgent_first_and_scoped_to_me(client, citizen_a):
    _world(citizen_a, 2)
    client.force_login(citizen_a)
    body = _home(client)
    assert "Not mine" not in body
    # Papers for the meeting in 2 days come before the invitation for the meeting in 3 days.
    assert body.index("Read the papers for \u2018Coming 0\u2019") < body.index(
        "Say whether you can come to \u2018Invited 0\u2019"
    )
    assert "Read the answer to your idea" in body


@pytest.mark.parametrize("size", [1, 12])
def test_load6_citizen_home_query_count_is_fixed(
    client, citizen_a, django_assert_num_queries, size
):
    _world(citizen_a, size)
    client.force_login(citizen_a)
    # session, user; one query per provider: guided start, decisions, invitations, papers,
    # answers to ideas, training, credits, ideas waiting (projects I run), join requests
    # + the unread notifications count, + the providers of the voice, conversations and
    # notifications apps (records to confirm, open polls, check-ins)
    with django_assert_num_queries(18):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("size", [1, 12])
def test_load6_staff_home_query_count_is_fixed(client, staff_a, django_assert_num_queries, size):
    project = ProjectFactory()
    MembershipFactory(project=project, user=staff_a, role="lead", kind="qualification")
    for n in range(size):
        ContributionFactory(
            project=project, raised_at=timezone.now() - datetime.timedelta(days=10 + n)
        )
        JoinRequest.objects.create(project=project, person=UserFactory())
        GetInvolvedRequestFactory()
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    # session, user, OTP device; the 9 providers above; claims, get-involved, arrangements
    # + the unread count and the other apps' providers, as above
    with django_assert_num_queries(22):
        body = client.get("/").content.decode()
    assert f"Answer {size} request{'s' if size > 1 else ''} to join" in body
    assert "who asked to get involved" in body
    # Ideas: oldest first, with the days waiting.
    assert f"Waiting {9 + size} days" in body
    if size > 1:
        assert body.index(f"Waiting {9 + size} days") < body.index(f"Waiting {8 + size} days")


def test_citizen_never_sees_staff_items(client, citizen_a):
    GetInvolvedRequestFactory()
    client.force_login(citizen_a)
    assert "asked to get involved" not in _home(client)


def test_guided_start_for_someone_new_and_skipping_it(client, citizen_a):
    client.force_login(citizen_a)
    body = _home(client)
    assert "Get started" in body
    assert 'href="/account/times/"' in body
    AvailableSlot.objects.create(user=citizen_a, weekday=0, part_of_day="morning")
    assert 'href="/account/times/"' not in _home(client)
    response = client.post("/welcome/skip/")
    assert response.status_code == 302
    assert WelcomeSkip.objects.filter(user=citizen_a).exists()
    assert "Get started" not in _home(client)


def test_anonymous_home_offers_get_involved_beside_sign_in(client):
    body = _home(client)
    assert 'href="/get-involved/"' in body
    assert 'href="/account/sign-in/"' in body
    assert "What's next" not in body


def test_get_involved_request_leaves_staff_list_when_answered(client, staff_a):
    item = GetInvolvedRequestFactory()
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    assert "Welcome 1 person who asked" in _home(client)
    item.status = GetInvolvedRequest.Status.DECLINED
    item.decline_reason = "Full"
    item.save()
    assert "asked to get involved" not in _home(client)
