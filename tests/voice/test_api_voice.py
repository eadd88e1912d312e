"""API-* rows for the members' own word: the person's records, confirm and contest (only the
person or their consented supporter; 404 otherwise), check-ins and outcomes."""

import json

import pytest

from copro.core.provenance import Confirmation
from tests.voice.factories import sign_in, supporter_of, voice_world

pytestmark = pytest.mark.django_db


def _post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_api_the_person_lists_confirms_and_contests(client):
    world = voice_world()
    client.force_login(world.citizen)
    listed = client.get("/api/v1/voice/records").json()
    assert {(r["kind"], r["id"]) for r in listed} == {
        ("membership", world.membership.pk),
        ("attendance", world.attendance.pk),
        ("position", world.position.pk),
        ("idea", world.idea.pk),
    }
    assert all(r["confirmation"] == "awaiting" for r in listed)
    ok = _post(client, f"/api/v1/voice/records/position/{world.position.pk}/confirm")
    assert ok.status_code == 200 and ok.json()["confirmation"] == "confirmed"
    again = _post(client, f"/api/v1/voice/records/position/{world.position.pk}/confirm")
    assert again.status_code == 409
    empty = _post(client, f"/api/v1/voice/records/idea/{world.idea.pk}/contest", {"reason": ""})
    assert empty.status_code == 422
    contested = _post(
        client, f"/api/v1/voice/records/idea/{world.idea.pk}/contest", {"reason": "Not mine"}
    )
    assert contested.status_code == 200 and contested.json()["contest_reason"] == "Not mine"


def test_api_az1_everyone_else_gets_404(client, citizen_b):
    world = voice_world()
    for person in (citizen_b, world.lead):
        sign_in(client, person)
        for url in (
            f"/api/v1/voice/records/position/{world.position.pk}/confirm",
            "/api/v1/voice/records/position/999999/confirm",
        ):
            assert _post(client, url).status_code == 404
        assert client.get("/api/v1/voice/records").json() == []
    world.position.refresh_from_db()
    assert world.position.confirmation == Confirmation.AWAITING


def test_api_az9_a_supporter_with_consent_answers_for_the_person(client):
    world = voice_world()
    helper = supporter_of(world.citizen)
    client.force_login(helper)
    assert len(client.get("/api/v1/voice/records").json()) == 4
    response = _post(client, f"/api/v1/voice/records/membership/{world.membership.pk}/confirm")
    assert response.status_code == 200
    world.membership.refresh_from_db()
    assert world.membership.confirmation_by == helper


def test_api_anonymous_gets_401(client):
    assert client.get("/api/v1/voice/records").status_code == 401


def test_api_check_in_and_outcomes(client, citizen_b):
    world = voice_world()
    client.force_login(world.citizen)
    answers = dict.fromkeys(
        ("heard", "could_change", "equal", "could_get_there", "got_back"), "yes"
    )
    url = f"/api/v1/voice/projects/{world.project.pk}/check-ins"
    assert _post(client, url, answers).status_code == 201
    assert _post(client, url, answers).status_code == 409
    assert _post(client, url, {**answers, "heard": "maybe"}).status_code == 422
    assert client.get(f"/api/v1/voice/projects/{world.project.pk}/outcomes").json() == []
    client.force_login(citizen_b)
    assert _post(client, url, answers).status_code == 404
    assert client.get(f"/api/v1/voice/projects/{world.project.pk}/outcomes").status_code == 404
