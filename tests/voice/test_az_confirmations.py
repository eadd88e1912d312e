"""AZ rows for the members' own word: only the person a record is about, or their supporter
while consent stands, may confirm or contest it; everyone else - the lead and administrators
too - gets 404, the same as a record that does not exist (AZ-1, AZ-9)."""

import pytest
from django.test import Client

from copro.core.provenance import Confirmation
from copro.voice.models import RecordEvent
from tests.people.factories import UserFactory
from tests.voice.factories import sign_in, supporter_of, voice_world

pytestmark = pytest.mark.django_db


def _url(kind, pk):
    return f"/voice/records/{kind}/{pk}/"


@pytest.fixture
def administrator(db):
    """An administrator by role (the people who audit every project)."""
    return UserFactory(display_name="Ade", role="administrator", is_staff=True, is_superuser=True)


@pytest.fixture
def world(citizen_a):
    return voice_world(citizen=citizen_a)


@pytest.mark.parametrize("kind", ["membership", "attendance", "position", "idea"])
def test_az1_the_person_confirms_their_record(client, world, kind):
    record = {
        "membership": world.membership,
        "attendance": world.attendance,
        "position": world.position,
        "idea": world.idea,
    }[kind]
    assert record.confirmation == Confirmation.AWAITING
    client.force_login(world.citizen)
    assert client.get(_url(kind, record.pk)).status_code == 200
    response = client.post(_url(kind, record.pk), {"answer": "yes"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.confirmation == Confirmation.CONFIRMED
    assert record.confirmation_by == world.citizen


@pytest.mark.parametrize("who", ["lead", "outsider", "administrator", "anonymous"])
def test_az1_nobody_else_may_confirm_or_contest(client, world, who, administrator):
    people = {"lead": world.lead, "outsider": UserFactory(), "administrator": administrator}
    if who != "anonymous":
        sign_in(client, people[who])
    for kind, record in (("position", world.position), ("idea", world.idea)):
        for method, data in (("get", None), ("post", {"answer": "no", "reason": "Not me"})):
            response = getattr(client, method)(_url(kind, record.pk), data)
            expected = 302 if who == "anonymous" else 404
            assert response.status_code == expected
            if expected == 302:
                assert "/account/sign-in/" in response["Location"]
        record.refresh_from_db()
        assert record.confirmation == Confirmation.AWAITING
    assert not RecordEvent.objects.exists()


def test_az1_someone_elses_record_answers_like_a_missing_one(client, world, citizen_b):
    client.force_login(citizen_b)
    theirs = client.get(_url("position", world.position.pk))
    missing = client.get(_url("position", 999999))
    assert theirs.status_code == missing.status_code == 404
    assert world.decision.title not in theirs.content.decode()


def test_az9_a_supporter_with_consent_contests_for_the_person(client, world):
    helper = supporter_of(world.citizen)
    client.force_login(helper)
    response = client.post(
        _url("idea", world.idea.pk), {"answer": "no", "reason": "She said earlier buses"}
    )
    assert response.status_code == 302
    world.idea.refresh_from_db()
    assert world.idea.confirmation == Confirmation.CONTESTED
    event = RecordEvent.objects.get()
    # The history says who acted and for whom (AZ-9: "entered by X for Y").
    assert event.by == helper and event.person == world.citizen and event.for_them


def test_az9_a_supporter_whose_consent_was_withdrawn_gets_404(client, world):
    helper = supporter_of(world.citizen, revoked=True)
    client.force_login(helper)
    response = client.post(_url("position", world.position.pk), {"answer": "yes"})
    assert response.status_code == 404
    world.position.refresh_from_db()
    assert world.position.confirmation == Confirmation.AWAITING


def test_az1_only_the_lead_or_an_administrator_sees_contested_records(
    client, world, citizen_b, administrator
):
    url = f"/voice/projects/{world.project.pk}/records/"
    for person, expected in (
        (world.citizen, 404),
        (citizen_b, 404),
        (world.lead, 200),
        (administrator, 200),
    ):
        fresh = Client()  # one browser per person
        sign_in(fresh, person)
        assert fresh.get(url).status_code == expected


def test_az2_a_record_of_another_project_under_this_project_is_404(client, world):
    other = voice_world()
    sign_in(client, world.lead)
    client_url = f"/voice/projects/{world.project.pk}/records/idea/{other.idea.pk}/resolve/"
    assert client.get(client_url).status_code == 404
