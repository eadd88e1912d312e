"""GET /api/v1/projects/{id}/evidence: the same evidence as the page, scoped like the page
(AZ-1, AZ-11), only documented fields (API-4), no side effects (API-2), in the OpenAPI schema."""

import pytest
from django.test import Client

from copro.framework.models import Statement
from copro.projects.models import Membership, Placement
from tests.people.factories import UserFactory
from tests.projects.factories import D, project_with_history

STAGES = (("idea", D(2026, 1, 12)), ("design", D(2026, 2, 9)))


@pytest.fixture
def project(db):
    return project_with_history(
        stages=STAGES,
        experts_join=D(2026, 3, 2),
        decisions=(("design", False),) * 3,
        ideas=(("design", "not_adopted"),),
    )


def url(pk) -> str:
    return f"/api/v1/projects/{pk}/evidence"


def citizen(project):
    return project.memberships.filter(kind=Membership.Kind.EXPERIENCE).first().user


@pytest.mark.django_db
def test_a_member_gets_the_step_every_signal_and_the_warnings(client, project):
    client.force_login(citizen(project))
    response = client.get(url(project.pk))
    assert response.status_code == 200
    body = response.json()
    assert body["project_id"] == project.pk
    assert body["step"] == {"order": 4, "slug": "consult", "name": "Consult"}
    assert body["because"].startswith("Experts by experience gave their views")
    keys = [s["key"] for s in body["signals"]]
    assert keys[:4] == ["involved_from_start", "whole_life", "shared_decisions", "influence"]
    assert {"balance", "access", "reciprocity"} <= set(keys)
    access = next(s for s in body["signals"] if s["key"] == "access")
    assert access["value"] is None and access["met"] is None
    shared = next(s for s in body["signals"] if s["key"] == "shared_decisions")
    assert (shared["value"], shared["met"]) == (0.0, False)
    assert set(shared) == {
        "key", "name", "value", "display", "threshold", "met", "reason", "source"
    }  # fmt: skip
    warning = next(w for w in body["warnings"] if w["key"] == "joined_after_design")
    assert warning["statement_slug"] == "not-consultation"
    assert warning["statement_text"] == Statement.objects.get(slug="not-consultation").text
    assert set(warning) == {"key", "message", "statement_slug", "statement_text"}
    assert body["self_assessment"]["experience_median"] is None
    # Rules version 2 (issue 15): the principles, what holds it down, whether there is enough
    # evidence, how the evidence was entered, and room for check-ins and outcomes.
    assert body["supported_step"] == body["step"]
    assert body["rules_version"] == "2"
    assert [p["slug"] for p in body["principles"]] == [
        "equality", "diversity", "access", "reciprocity"
    ]  # fmt: skip
    assert body["held_by"] == []
    assert body["confidence"] == {"level": "enough", "label": "Enough evidence", "missing": []}
    assert body["provenance"] == {
        "by_self": 1, "for_them": 0, "late": 0, "confirmed": 0, "contested": 0, "awaiting": 0,
        "share_confirmed": None,
    }  # fmt: skip
    assert body["to_watch"] == []
    assert (body["experience"], body["outcomes"]) == (None, None)


@pytest.mark.django_db
def test_api_not_enough_evidence_shows_no_step_and_says_what_is_missing(client):
    empty = project_with_history(stages=STAGES, experts=0, visibility="public")
    body = client.get(url(empty.pk)).json()
    assert body["step"] is None
    assert body["supported_step"]["slug"] == "educate"
    assert body["confidence"]["level"] == "not_enough"
    assert body["confidence"]["label"] == "Not enough evidence yet"
    assert body["confidence"]["missing"][1] == "experts by experience as members of the project"
    assert [p["slug"] for p in body["held_by"]] == ["equality"]


@pytest.mark.django_db
def test_az1_an_outsider_gets_404_identical_to_a_missing_id(client, project):
    client.force_login(UserFactory())
    hidden = client.get(url(project.pk))
    missing = client.get(url(999999))
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content
    other = project_with_history(stages=STAGES)
    client.force_login(citizen(other))
    assert client.get(url(project.pk)).content == missing.content


@pytest.mark.django_db
def test_az11_anonymous_callers_get_401_for_private_and_missing_alike(client, project):
    private, missing = client.get(url(project.pk)), client.get(url(999999))
    assert private.status_code == missing.status_code == 401
    assert private.content == missing.content


@pytest.mark.django_db
def test_published_projects_are_open_without_signing_in(client, project):
    project.visibility = "public"
    project.save()
    assert client.get(url(project.pk)).status_code == 200


@pytest.mark.django_db
def test_api2_reading_the_evidence_changes_nothing(client, project):
    client.force_login(citizen(project))
    client.get(url(project.pk))
    assert not Placement.objects.filter(project=project).exists()


@pytest.mark.django_db
def test_writes_are_not_allowed(project):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen(project))
    assert client.post(url(project.pk)).status_code == 405


@pytest.mark.django_db
def test_the_operation_is_in_the_openapi_schema_with_only_documented_fields(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/projects/{project_id}/evidence"]["get"]
    assert {"200", "401", "404"} <= {str(code) for code in operation["responses"]}
    assert {"SessionAuth": []} in operation["security"] and {} in operation["security"]
    schemas = schema["components"]["schemas"]
    for name in ("EvidenceOut", "SignalOut", "WarningOut", "StepOut", "SelfAssessmentOut"):
        assert schemas[name]["additionalProperties"] is False, name
    assert set(schemas["SignalOut"]["properties"]) == {
        "key", "name", "value", "display", "threshold", "met", "reason", "source"
    }  # fmt: skip
