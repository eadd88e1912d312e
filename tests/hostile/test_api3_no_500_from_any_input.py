"""API-3 and IO-10: no 500 from any input (issue 14, findings 6, 7 and 9). Ids outside what the
database holds are "not found" or a form error; far-off dates are refused with a message; API
bodies get the same cleaning as the forms."""

import pytest
from django.test import Client

from copro.core.ids import MAX_ID, parse_ids
from copro.projects import services as project_services
from copro.projects.models import Contribution, Position
from tests.people.factories import UserFactory
from tests.projects.world import make_world

pytestmark = pytest.mark.django_db

HUGE = "9" * 26


def test_io10_ids_are_checked_against_what_the_database_holds():
    assert parse_ids(["1", str(MAX_ID)]) == [1, MAX_ID]
    for junk in ["0", "-1", str(MAX_ID + 1), HUGE, "1 OR 1=1", "١٢", ""]:
        with pytest.raises(ValueError):
            parse_ids([junk])
    with pytest.raises(ValueError):
        parse_ids(["1"] * 1001)


def test_io10_a_training_calendar_with_a_26_digit_id_is_not_found(client):
    client.force_login(UserFactory())
    assert client.get(f"/learning/sessions/{HUGE}/training.ics").status_code == 404


def test_io10_approving_claims_with_a_huge_id_changes_nothing(client, activities):
    from tests.reciprocity.world import make_world as money_world

    world = money_world(activities)
    world.sign_in(client, "admin")
    response = client.post("/thanks/staff/claims/approve/", {"claims": [world.claim.pk, HUGE]})
    assert response.status_code == 302
    world.claim.refresh_from_db()
    assert world.claim.status == "submitted"


def test_io10_suggesting_times_at_the_end_of_the_calendar_is_refused_with_a_message(client):
    from tests.meetings.world import make_meeting_world

    mworld = make_meeting_world()
    client.force_login(mworld.lead_a)
    url = f"/meetings/projects/{mworld.project_a.pk}/suggest-times/"
    response = client.get(url, {"start": "9999-12-31", "end": "9999-12-31", "duration": 90})
    assert response.status_code == 200
    assert "Choose a date in the next 5 years" in response.content.decode()


@pytest.fixture
def world():
    return make_world()


def member(world) -> Client:
    client = Client()
    client.force_login(world.citizen_a)
    return client


def positions(world) -> str:
    return f"/api/v1/projects/{world.project_a.pk}/decisions/{world.decision_a.pk}/positions"


@pytest.mark.parametrize(
    "body",
    [
        {"stance": "agree", "option_id": -1},
        {"stance": "agree", "option_id": 0},
        {"stance": "agree", "option_id": 10**26},
        {"stance": "agree", "ranking": list(range(1, 200_001))},
        {"stance": "agree", "ranking": [10**26]},
        {"stance": "agree", "reason": "because\x00"},
        {"stance": "x" * 10_000},
    ],
    ids=["negative", "zero", "huge", "long_ranking", "huge_ranking", "nul", "long_stance"],
)
def test_api3_a_position_out_of_range_is_refused_with_422(world, body):
    response = member(world).post(positions(world), body, content_type="application/json")
    assert response.status_code == 422
    assert not Position.objects.exists()


def test_api3_a_position_cannot_point_at_another_decisions_option(world):
    other = project_services.decision_propose(
        project=world.project_b,
        title="Which day?",
        proposal="Pick a day",
        method="majority",
        options=["Monday", "Tuesday"],
        review_on=None,
        by=world.project_b.created_by,
    )
    option = other.options.first()
    body = {"stance": "agree", "option_id": option.pk}
    response = member(world).post(positions(world), body, content_type="application/json")
    assert response.status_code == 422
    assert not Position.objects.exists()


@pytest.mark.parametrize("text", ["an idea\x00", "   ", "\n\t "])
def test_api3_ideas_get_the_same_cleaning_as_the_form(world, text):
    path = f"/api/v1/projects/{world.project_a.pk}/contributions"
    body = {"kind": "idea", "text": text}
    response = member(world).post(path, body, content_type="application/json")
    assert response.status_code == 422
    assert not Contribution.objects.exists()


def test_led5_a_double_clicked_idea_makes_one_idea(world):
    client = member(world)
    url = f"/projects/{world.project_a.pk}/you-said-we-did/"
    assert 'name="key"' in client.get(url).content.decode()
    body = {"key": "form-1", "kind": "idea", "text": "Meet in the library"}
    for _ in range(2):
        assert client.post(url, body).status_code == 302
    assert Contribution.objects.count() == 1
    client.post(url, {**body, "key": "form-2"})
    assert Contribution.objects.count() == 2
