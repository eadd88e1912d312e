"""Asking to take part in a project: the lead accepts (member from that day) or declines with a
reason; both sides are told (issue 16)."""

import datetime

import pytest
import time_machine

from copro.notifications.models import Notification
from copro.projects.models import JoinRequest, Membership, Project
from tests.people.factories import UserFactory
from tests.projects.factories import MembershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(db):
    project = ProjectFactory(visibility=Project.Visibility.SIGNED_IN, title="Parks")
    MembershipFactory(project=project, kind="qualification", role="lead")
    return project


def _lead(project):
    return project.memberships.get(role="lead").user


def test_member_asks_and_the_lead_is_told(client, citizen_a, project):
    client.force_login(citizen_a)
    page = client.get(f"/projects/{project.pk}/")
    assert f'href="/projects/{project.pk}/ask-to-join/"' in page.content.decode()
    response = client.post(f"/projects/{project.pk}/ask-to-join/", {"message": "I use the park"})
    assert response.status_code == 302
    request = JoinRequest.objects.get()
    assert (request.person, request.status) == (citizen_a, "waiting")
    told = Notification.objects.get(recipient=_lead(project))
    assert told.title == "Asha would like to take part in Parks"
    # Asking twice changes nothing and says so.
    again = client.post(f"/projects/{project.pk}/ask-to-join/", {"message": ""})
    assert "already asked" in again.content.decode()
    assert JoinRequest.objects.count() == 1


def test_az1_members_only_project_answers_404(client, citizen_a):
    hidden = ProjectFactory(visibility=Project.Visibility.MEMBERS)
    client.force_login(citizen_a)
    assert client.get(f"/projects/{hidden.pk}/ask-to-join/").status_code == 404
    assert client.post(f"/projects/{hidden.pk}/ask-to-join/", {}).status_code == 404
    assert not JoinRequest.objects.exists()


def test_lead_accepts_and_the_person_becomes_a_member_that_day(client, citizen_a, project):
    request = JoinRequest.objects.create(project=project, person=citizen_a)
    with time_machine.travel(datetime.datetime(2026, 12, 8, 10, tzinfo=datetime.UTC)):
        client.force_login(_lead(project))
        response = client.post(f"/projects/{project.pk}/join-requests/{request.pk}/accept/")
    assert response.status_code == 302
    membership = Membership.objects.get(project=project, user=citizen_a)
    assert membership.joined_on == datetime.date(2026, 12, 8)
    assert membership.kind == "experience"
    request.refresh_from_db()
    assert request.status == "accepted"
    assert Notification.objects.get(recipient=citizen_a).title == "Welcome to Parks"


def test_lead_declines_with_a_reason_the_person_reads(client, citizen_a, project):
    request = JoinRequest.objects.create(project=project, person=citizen_a)
    client.force_login(_lead(project))
    url = f"/projects/{project.pk}/join-requests/{request.pk}/decline/"
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 200
    assert "Write a kind, plain reason" in refused.content.decode()
    client.post(url, {"reason": "We are full until spring. Please ask again then."})
    request.refresh_from_db()
    assert request.status == "declined"
    told = Notification.objects.get(recipient=citizen_a)
    assert told.body == "We are full until spring. Please ask again then."
    client.force_login(citizen_a)
    mine = client.get("/projects/my-requests/").content.decode()
    assert "Please ask again then." in mine
    assert not Membership.objects.filter(project=project, user=citizen_a).exists()


def test_az1_az2_not_the_lead_or_another_projects_request_is_404(client, citizen_a, project):
    request = JoinRequest.objects.create(project=project, person=citizen_a)
    other = ProjectFactory(visibility=Project.Visibility.SIGNED_IN)
    other_lead = MembershipFactory(project=other, role="lead").user
    client.force_login(citizen_a)
    assert client.get(f"/projects/{project.pk}/join-requests/").status_code == 404
    assert (
        client.post(f"/projects/{project.pk}/join-requests/{request.pk}/accept/").status_code == 404
    )
    client.force_login(other_lead)
    assert (
        client.post(f"/projects/{other.pk}/join-requests/{request.pk}/accept/").status_code == 404
    )
    request.refresh_from_db()
    assert request.status == "waiting"


def test_az12_answering_twice_is_refused(client, citizen_a, project):
    request = JoinRequest.objects.create(project=project, person=citizen_a)
    client.force_login(_lead(project))
    client.post(f"/projects/{project.pk}/join-requests/{request.pk}/accept/")
    client.post(
        f"/projects/{project.pk}/join-requests/{request.pk}/decline/", {"reason": "Changed mind"}
    )
    request.refresh_from_db()
    assert request.status == "accepted"


@pytest.mark.parametrize("size", [1, 15])
def test_lead_page_query_count_is_fixed(client, project, django_assert_num_queries, size):
    for _ in range(size):
        JoinRequest.objects.create(project=project, person=UserFactory())
    client.force_login(_lead(project))
    # session, user; project (visible); lead check; requests with their people
    with django_assert_num_queries(6):  # + the unread notifications count
        page = client.get(f"/projects/{project.pk}/join-requests/")
    assert page.content.decode().count("Accept<span") == size
