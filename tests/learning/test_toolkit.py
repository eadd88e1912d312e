"""Completing Level 3 opens the toolkit; nothing else does - not other levels, not coming to
Level 3 without completing it, not a booking, not a role."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from copro.learning import selectors
from copro.learning.models import Booking, ToolkitEntry
from tests.learning.world import complete, make_session
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import verify_second_factor

TOOLKIT = "/learning/toolkit/"


@pytest.fixture
def entry(db):
    return ToolkitEntry.objects.create(
        title="Running your first meeting",
        kind="video",
        description="A short film.",
        url="https://example.org/first-meeting",
        transcript="Hello and welcome.",
    )


@pytest.mark.django_db
def test_completing_level_3_opens_the_toolkit(client, world, entry):
    person = UserFactory()
    complete(person, world.level_3, world.ambassador)
    assert selectors.toolkit_unlocked(person=person)
    client.force_login(person)
    response = client.get(TOOLKIT)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Running your first meeting" in body and "Hello and welcome." in body


def _levels_1_and_2(person, world):
    complete(person, world.level_1, world.ambassador)
    complete(person, world.level_2, world.ambassador)


def _came_to_level_3_without_completing(person, world):
    session = make_session(world.level_3, world.ambassador, days=-2)
    Booking.objects.create(session=session, person=person, status="booked", attended=True)


def _booked_level_3(person, world):
    Booking.objects.create(session=world.session_3, person=person, status="booked")


def _completed_then_cancelled_nothing_else(person, world):
    _levels_1_and_2(person, world)
    _came_to_level_3_without_completing(person, world)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "setup",
    [
        _levels_1_and_2,
        _came_to_level_3_without_completing,
        _booked_level_3,
        _completed_then_cancelled_nothing_else,
    ],
)
def test_nothing_short_of_completing_level_3_opens_it(client, world, entry, setup):
    person = UserFactory()
    setup(person, world)
    client.force_login(person)
    response = client.get(TOOLKIT)
    assert response.status_code == 403
    body = response.content.decode()
    assert "The toolkit opens when you complete Level 3" in body
    assert "Running your first meeting" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["staff", "administrator"])
def test_no_role_opens_it(client, world, entry, role):
    person = UserFactory(role=role, is_staff=role == "administrator")
    client.force_login(person)
    verify_second_factor(client, person)
    assert client.get(TOOLKIT).status_code == 403


@pytest.mark.django_db
def test_the_ambassador_running_level_3_does_not_open_it_by_running_it(client, world, entry):
    client.force_login(world.ambassador)
    assert client.get(TOOLKIT).status_code == 403


@pytest.mark.django_db
def test_someone_elses_completion_does_not_open_it_for_you(client, world, entry):
    complete(UserFactory(), world.level_3, world.ambassador)
    client.force_login(UserFactory())
    assert client.get(TOOLKIT).status_code == 403


@pytest.mark.django_db
def test_the_ambassador_records_completion_through_the_register(client, world, entry):
    person = UserFactory()
    booking = Booking.objects.create(session=world.session_3, person=person, status="booked")
    client.force_login(world.ambassador)
    url = reverse("learning:manage", kwargs={"pk": world.session_3.pk})
    response = client.post(url, {"attended": [booking.pk], "completed": [booking.pk]})
    assert response.status_code == 302
    client.force_login(person)
    assert client.get(TOOLKIT).status_code == 200


@pytest.mark.django_db
def test_unpublished_entries_are_not_shown(client, world, entry):
    entry.is_published = False
    entry.save()
    person = UserFactory()
    complete(person, world.level_3, world.ambassador)
    client.force_login(person)
    assert "Running your first meeting" not in client.get(TOOLKIT).content.decode()


@pytest.mark.django_db
def test_audio_and_video_need_a_transcript_and_only_web_addresses_are_allowed():
    entry = ToolkitEntry(
        title="Talk", kind="audio", description="A talk.", url="javascript:alert(1)"
    )
    with pytest.raises(ValidationError) as error:
        entry.full_clean()
    assert set(error.value.message_dict) == {"transcript", "url"}
