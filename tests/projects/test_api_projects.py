"""The projects API: scoped like the pages (AZ-1, AZ-2), CSRF on cookie writes (API-1),
no writes after a decision closes (AZ-12), only documented fields (API-4)."""

import pytest
from django.test import Client

from copro.projects import services
from copro.projects.models import Contribution, Position
from tests.projects.world import make_world


@pytest.fixture
def world(db):
    return make_world()


def client_for(user, csrf=False) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_az11_the_api_needs_sign_in(client, world):
    assert client.get("/api/v1/projects").status_code == 401
    assert client.get(f"/api/v1/projects/{world.project_a.pk}").status_code == 401


@pytest.mark.django_db
def test_az1_other_peoples_projects_are_404_like_missing_ones(world):
    outsider = client_for(world.outsider)
    a = world.project_a.pk
    for path in [
        f"/api/v1/projects/{a}",
        f"/api/v1/projects/{a}/members",
        f"/api/v1/projects/{a}/decisions",
        f"/api/v1/projects/{a}/contributions",
        f"/api/v1/projects/{a}/actions",
        f"/api/v1/projects/{a}/decisions/{world.decision_a.pk}/positions",
    ]:
        response = outsider.get(path)
        assert response.status_code == 404, path
        missing = path.replace(f"/projects/{a}", "/projects/999999", 1)
        assert outsider.get(missing).content == response.content
    assert outsider.get("/api/v1/projects").json() == []


@pytest.mark.django_db
def test_az2_a_decision_of_b_under_a_is_404(world):
    lead = client_for(world.lead_a)
    path = f"/api/v1/projects/{world.project_a.pk}/decisions/{world.decision_b.pk}/positions"
    assert lead.get(path).status_code == 404


@pytest.mark.django_db
def test_api4_only_documented_fields(world):
    body = client_for(world.citizen_a).get(f"/api/v1/projects/{world.project_a.pk}/members").json()
    assert set(body[0]) == {"id", "display_name", "kind", "role", "joined_on", "left_on"}
    assert "email" not in str(body)


@pytest.mark.django_db
def test_a_member_gives_a_view_through_the_api(world):
    member = client_for(world.citizen_a)
    path = f"/api/v1/projects/{world.project_a.pk}/decisions/{world.decision_a.pk}/positions"
    response = member.post(path, {"stance": "agree"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["kind"] == "experience"
    bad = member.post(path, {"stance": "block"}, content_type="application/json")
    assert bad.status_code == 422  # a consent decision takes agree, abstain or object
    assert Position.objects.get().stance == "agree"


@pytest.mark.django_db
def test_api1_a_cookie_write_without_the_csrf_token_is_refused(world):
    member = client_for(world.citizen_a, csrf=True)
    path = f"/api/v1/projects/{world.project_a.pk}/contributions"
    response = member.post(path, {"kind": "idea", "text": "x"}, content_type="application/json")
    assert response.status_code == 403
    assert not Contribution.objects.exists()


@pytest.mark.django_db
def test_az12_no_views_after_the_decision_closes(world):
    services.decision_close(
        decision=world.decision_a, outcome="Done", decided_on="2026-11-20", by=world.lead_a
    )
    path = f"/api/v1/projects/{world.project_a.pk}/decisions/{world.decision_a.pk}/positions"
    response = client_for(world.citizen_a).post(
        path, {"stance": "agree"}, content_type="application/json"
    )
    assert response.status_code == 409
    assert not Position.objects.exists()


@pytest.mark.django_db
def test_only_members_can_raise_or_vote_through_the_api(world):
    outsider = client_for(world.outsider)
    path = f"/api/v1/projects/{world.project_a.pk}/contributions"
    assert (
        outsider.post(
            path, {"kind": "idea", "text": "x"}, content_type="application/json"
        ).status_code
        == 404
    )
    member = client_for(world.citizen_a)
    created = member.post(
        path, {"kind": "idea", "text": "Evening meetings"}, content_type="application/json"
    )
    assert created.status_code == 201 and created.json()["status"] == "waiting"
