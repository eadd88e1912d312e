"""The API: get-involved requests for staff; join requests for the person and the lead."""

import pytest

from copro.projects.models import JoinRequest, Membership, Project
from tests.frontdoor.factories import GetInvolvedRequestFactory
from tests.projects.factories import MembershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_az1_get_involved_requests_for_staff_only(staff_client, client, citizen_a):
    item = GetInvolvedRequestFactory(name="Rosa")
    listed = staff_client.get("/api/v1/get-involved/requests")
    assert [row["name"] for row in listed.json()] == ["Rosa"]
    assert staff_client.get(f"/api/v1/get-involved/requests/{item.pk}").json()["id"] == item.pk
    client.force_login(citizen_a)
    assert client.get("/api/v1/get-involved/requests").status_code == 404
    refused = client.get(f"/api/v1/get-involved/requests/{item.pk}")
    assert refused.status_code == 404
    assert "Rosa" not in refused.content.decode()


def test_az11_anonymous_gets_401(client):
    assert client.get("/api/v1/get-involved/requests").status_code == 401
    assert client.get("/api/v1/join-requests").status_code == 401


def test_join_request_ask_accept_through_the_api(client, citizen_a, citizen_b):
    project = ProjectFactory(visibility=Project.Visibility.SIGNED_IN)
    lead = MembershipFactory(project=project, user=citizen_b, role="lead").user
    client.force_login(citizen_a)
    made = client.post(
        f"/api/v1/projects/{project.pk}/join-requests",
        {"message": "Please"},
        content_type="application/json",
    )
    assert made.status_code == 201
    pk = made.json()["id"]
    assert (
        client.post(
            f"/api/v1/projects/{project.pk}/join-requests", {}, content_type="application/json"
        ).status_code
        == 409
    )
    # The person cannot answer their own request.
    assert client.post(f"/api/v1/join-requests/{pk}/accept").status_code == 404
    client.force_login(lead)
    assert [row["id"] for row in client.get("/api/v1/join-requests").json()] == [pk]
    accepted = client.post(f"/api/v1/join-requests/{pk}/accept")
    assert accepted.json()["status"] == "accepted"
    assert Membership.objects.filter(project=project, user=citizen_a).exists()
    again = client.post(
        f"/api/v1/join-requests/{pk}/decline", {"reason": "No"}, content_type="application/json"
    )
    assert again.status_code == 409


def test_az7_join_request_list_is_mine_and_my_projects_only(client, citizen_a, citizen_b):
    project = ProjectFactory(visibility=Project.Visibility.SIGNED_IN)
    JoinRequest.objects.create(project=project, person=citizen_b)
    mine = JoinRequest.objects.create(project=ProjectFactory(), person=citizen_a)
    client.force_login(citizen_a)
    assert [row["id"] for row in client.get("/api/v1/join-requests").json()] == [mine.pk]
