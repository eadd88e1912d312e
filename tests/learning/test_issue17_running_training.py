"""Issue 17: ambassadors and council staff run training without the admin site - schedule,
change and cancel sessions (the people booked are told), add walk-ins, keep the toolkit - and
everyone else gets 404 for these pages (AZ-1, AZ-5)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from copro.learning import selectors, services
from copro.learning.models import Booking, ToolkitEntry, TrainingSession
from copro.notifications.models import Notification
from tests.learning.world import make_ambassador, make_session
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def _session_post(world, **overrides):
    data = {
        "level": world.level_2.pk,
        "date": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(),
        "starts_at": "10:00",
        "venue": world.venue.pk,
        "online_link": "",
        "capacity": "12",
        "notes": "",
    }
    return {**data, **overrides}


def test_az5_an_ambassador_schedules_a_session_they_run(client, world):
    client.force_login(world.ambassador)
    response = client.post(reverse("learning:session_new"), _session_post(world))
    session = TrainingSession.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert session.ambassador == world.ambassador and session.level == world.level_2
    assert session.capacity == 12 and session.created_by == world.ambassador


def test_io9_bad_input_gets_messages_and_saves_nothing(client, world):
    client.force_login(world.ambassador)
    before = TrainingSession.objects.count()
    past = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    page = client.post(
        reverse("learning:session_new"),
        _session_post(world, venue="", capacity="0", date=past),
    ).content.decode()
    assert "A session needs at least 1 place" in page
    assert TrainingSession.objects.count() == before


def test_az5_a_citizen_cannot_schedule_or_keep_the_toolkit(client, world):
    client.force_login(UserFactory(display_name="Cal"))
    assert client.get(reverse("learning:session_new")).status_code == 404
    assert client.get(reverse("learning:toolkit_manage")).status_code == 404
    assert (
        client.get(reverse("learning:session_edit", args=[world.session_1.pk])).status_code == 404
    )


def test_az1_another_ambassador_gets_404_for_my_session(client, world):
    client.force_login(make_ambassador(display_name="Other"))
    for name in ("session_edit", "session_call_off", "walk_in"):
        assert client.get(reverse(f"learning:{name}", args=[world.session_1.pk])).status_code == 404


def test_ntf1_changing_the_time_tells_everyone_booked(client, world):
    person = UserFactory(display_name="Asha")
    services.booking_make(session=world.session_2, person=person, by=person, confirmed=True)
    client.force_login(world.ambassador)
    data = _session_post(world, date=world.session_2.date.isoformat(), starts_at="14:30")
    client.post(reverse("learning:session_edit", args=[world.session_2.pk]), data)
    world.session_2.refresh_from_db()
    assert world.session_2.starts_at == datetime.time(14, 30)
    assert Notification.objects.filter(recipient=person, kind="training_changed").count() == 1


def test_ntf1_cancelling_tells_everyone_and_closes_booking(client, world):
    person = UserFactory(display_name="Asha")
    services.booking_make(session=world.session_2, person=person, by=person, confirmed=True)
    client.force_login(world.ambassador)
    url = reverse("learning:session_call_off", args=[world.session_2.pk])
    assert "Say why" in client.post(url, {"reason": ""}).content.decode()
    client.post(url, {"reason": "The trainer is ill."})
    note = Notification.objects.get(recipient=person, kind="training_cancelled")
    assert note.body == "The trainer is ill."
    other = UserFactory(display_name="Ben")
    with pytest.raises(Exception, match="cancelled"):
        services.booking_make(session=world.session_2, person=other, by=other, confirmed=True)
    assert world.session_2.pk not in [s.pk for s in selectors.sessions_upcoming()]


def test_a_walk_in_is_added_to_the_register_as_come(client, world):
    today = make_session(world.level_2, world.ambassador, venue=world.venue, capacity=1, days=0)
    walker = UserFactory(display_name="Wren", email="wren@example.org")
    client.force_login(world.ambassador)
    url = reverse("learning:walk_in", args=[today.pk])
    page = client.post(url, {"email": "nobody@example.org"}).content.decode()
    assert "Nobody has an account with that email address" in page
    client.post(url, {"email": "WREN@example.org"})
    booking = Booking.objects.get(session=today, person=walker)
    assert booking.status == "booked" and booking.attended


def test_toolkit_items_are_added_changed_and_taken_out(client, world):
    client.force_login(world.ambassador)
    data = {
        "title": "Planning a meeting together",
        "kind": "video",
        "description": "A short film.",
        "url": "https://example.org/film",
        "transcript": "",
        "order": "1",
    }
    page = client.post(reverse("learning:toolkit_new"), data).content.decode()
    assert "Add a transcript for audio and video" in page
    client.post(reverse("learning:toolkit_new"), {**data, "transcript": "Words."})
    entry = ToolkitEntry.objects.get(title="Planning a meeting together")
    assert entry.is_published and entry.created_by == world.ambassador
    client.post(reverse("learning:toolkit_retire", args=[entry.pk]))
    entry.refresh_from_db()
    assert not entry.is_published
    assert client.get(reverse("learning:toolkit_retire", args=[entry.pk])).status_code == 405
