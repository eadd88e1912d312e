"""People without email: a meeting's call list and paper pack, for its organisers only."""

import pytest

from copro.frontdoor import services
from copro.meetings.models import Invitee
from copro.people.models.profile import FormatNeed
from tests.frontdoor.test_todo import _meeting, _paper
from tests.people.mfa_helpers import verify_second_factor
from tests.projects.factories import MembershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def _offline(staff, n: int, method: str):
    person = services.person_create_without_email(
        display_name=f"{method.title()} person {n}",
        contact_method=method,
        phone="01632 960 001" if method != "post" else "",
        postal_address=f"{n} Mill Lane" if method == "post" else "",
        consent=True,
        by=staff,
    )
    if method == "post":
        FormatNeed.objects.create(user=person, format="large_print")
    return person


@pytest.fixture
def meeting(staff_a):
    project = ProjectFactory()
    MembershipFactory(project=project, user=staff_a, role="lead", kind="qualification")
    return _meeting(project, days=5)


@pytest.mark.parametrize("size", [1, 10])
def test_call_list_and_paper_pack_query_counts(
    client, staff_a, meeting, size, django_assert_num_queries
):
    for n in range(size):
        for method in ("phone", "post"):
            Invitee.objects.create(
                meeting=meeting, user=_offline(staff_a, n, method), kind="experience"
            )
        _paper(meeting, n)
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    base = f"/meetings/projects/{meeting.project_id}/{meeting.pk}"
    # session, user, OTP device; meeting; its project (a meeting not open to all); lead
    # check; membership; the viewer's invitation; invitees with profiles; their access
    # needs; their formats
    with django_assert_num_queries(12):  # + the unread notifications count
        calls = client.get(f"{base}/call-list/").content.decode()
    assert calls.count("01632 960 001") == size
    assert "Post person 0" not in calls
    # ... and the papers
    with django_assert_num_queries(13):  # + the unread notifications count
        pack = client.get(f"{base}/paper-pack/").content.decode()
    assert "0 Mill Lane" in pack
    assert "Large print" in pack
    assert "Phone person 0" not in pack


def test_az1_not_an_organiser_gets_404(client, citizen_a, meeting):
    MembershipFactory(project=meeting.project, user=citizen_a)
    client.force_login(citizen_a)
    base = f"/meetings/projects/{meeting.project_id}/{meeting.pk}"
    assert client.get(f"{base}/call-list/").status_code == 404
    assert client.get(f"{base}/paper-pack/").status_code == 404


def test_az2_another_projects_meeting_is_404(client, staff_a, meeting):
    other = ProjectFactory()
    MembershipFactory(project=other, user=staff_a, role="lead", kind="qualification")
    client.force_login(staff_a)
    verify_second_factor(client, staff_a)
    assert client.get(f"/meetings/projects/{other.pk}/{meeting.pk}/call-list/").status_code == 404
