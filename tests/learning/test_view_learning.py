"""The learning pages: booking and cancelling, the confirm page, the register, bounded queries,
and IO-1 (what people type is shown as text)."""

import pytest
from django.urls import reverse

from copro.learning import services
from copro.learning.models import Booking, ToolkitEntry
from tests.learning.world import complete, make_session
from tests.people.factories import UserFactory


def session_url(session, name="session"):
    return reverse(f"learning:{name}", kwargs={"pk": session.pk})


@pytest.mark.django_db
def test_booking_level_1_gives_a_place_and_shows_the_venue_access(client, world, citizen_a):
    client.force_login(citizen_a)
    page = client.get(session_url(world.session_1)).content.decode()
    assert "Step-free access to the meeting room" in page and "A hearing loop" in page
    response = client.post(session_url(world.session_1, "book"), follow=True)
    assert "You have a place on this session." in response.content.decode()
    assert Booking.objects.get(person=citizen_a).status == "booked"


@pytest.mark.django_db
def test_booking_level_2_first_asks_for_confirmation_without_javascript(client, world, citizen_a):
    client.force_login(citizen_a)
    response = client.post(session_url(world.session_2, "book"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Are you sure you want to book Level 2" in body
    assert "Level 1: What is co-production?" in body
    assert 'name="confirm" value="yes"' in body and "<script>" not in body.split("<main")[1]
    assert not Booking.objects.exists()
    client.post(session_url(world.session_2, "book"), {"confirm": "yes"})
    assert Booking.objects.get(person=citizen_a).session == world.session_2


@pytest.mark.django_db
def test_a_full_session_puts_you_on_the_waiting_list_and_says_where(client, world, citizen_a):
    session = make_session(world.level_1, world.ambassador, capacity=1, venue=world.venue)
    services.booking_make(session=session, person=UserFactory(), by=world.ambassador)
    client.force_login(citizen_a)
    assert "Join the waiting list" in client.get(session_url(session)).content.decode()
    body = client.post(session_url(session, "book"), follow=True).content.decode()
    assert "This session is full" in body and "You are number 1" in body


@pytest.mark.django_db
def test_cancelling_gives_the_place_to_the_first_person_waiting(client, world, citizen_a):
    session = make_session(world.level_1, world.ambassador, capacity=1, venue=world.venue)
    services.booking_make(session=session, person=citizen_a, by=citizen_a)
    waiting = UserFactory()
    services.booking_make(session=session, person=waiting, by=waiting)
    client.force_login(citizen_a)
    body = client.post(session_url(session, "cancel"), follow=True).content.decode()
    assert "You have cancelled" in body
    assert Booking.objects.get(session=session, person=waiting).status == "booked"


@pytest.mark.django_db
def test_the_online_link_is_only_for_people_with_a_place(client, world, citizen_a):
    client.force_login(citizen_a)
    url = session_url(world.session_3)
    assert "meet.example.org" not in client.get(url).content.decode()
    services.booking_make(session=world.session_3, person=citizen_a, by=citizen_a, confirmed=True)
    assert "https://meet.example.org/training" in client.get(url).content.decode()


@pytest.mark.django_db
def test_the_ambassador_records_attendance_and_completion(client, world):
    a, b = UserFactory(display_name="Asha"), UserFactory(display_name="Ben")
    booking_a = services.booking_make(session=world.session_1, person=a, by=a)
    booking_b = services.booking_make(session=world.session_1, person=b, by=b)
    client.force_login(world.ambassador)
    url = session_url(world.session_1, "manage")
    page = client.get(url).content.decode()
    assert "Asha" in page and "Ben" in page
    response = client.post(
        url, {"attended": [booking_a.pk, booking_b.pk], "completed": [booking_a.pk]}
    )
    assert response.status_code == 302
    booking_a.refresh_from_db()
    booking_b.refresh_from_db()
    assert booking_a.completed and booking_b.attended and not booking_b.completed


@pytest.mark.django_db
def test_az3_a_booking_from_another_session_is_a_plain_field_error(client, world):
    ours = services.booking_make(session=world.session_1, person=UserFactory(), by=world.ambassador)
    other = UserFactory()
    theirs = services.booking_make(session=world.session_2, person=other, by=other, confirmed=True)
    client.force_login(world.ambassador)
    body = client.post(
        session_url(world.session_1, "manage"), {"attended": [ours.pk, theirs.pk]}
    ).content.decode()
    assert "Choose people from the list of those with a place" in body
    assert not Booking.objects.filter(attended=True).exists()


@pytest.mark.django_db
def test_completed_without_attended_is_explained(client, world):
    booking = services.booking_make(
        session=world.session_1, person=UserFactory(), by=world.ambassador
    )
    client.force_login(world.ambassador)
    body = client.post(
        session_url(world.session_1, "manage"), {"completed": [booking.pk]}
    ).content.decode()
    assert "Only someone who came to the session can complete it" in body
    booking.refresh_from_db()
    assert not booking.completed


@pytest.mark.django_db
def test_the_learning_page_shows_levels_done(client, world, citizen_a):
    complete(citizen_a, world.level_1, world.ambassador)
    client.force_login(citizen_a)
    body = client.get(reverse("learning:home")).content.decode()
    assert body.count("Completed") == 1 and body.count("Not done yet") == 2


@pytest.mark.django_db
def test_query_count_of_the_learning_page_does_not_grow_with_sessions(
    client, world, citizen_a, django_assert_max_num_queries
):
    for _ in range(10):
        session = make_session(world.level_1, world.ambassador, venue=world.venue)
        services.booking_make(session=session, person=citizen_a, by=citizen_a)
        services.quiz_submit(person=citizen_a, answers={}, questions=[])
    client.force_login(citizen_a)
    # session, user, levels completed, levels, sessions with places, my bookings, toolkit
    # unlocked, my latest attempt, plus the middleware's own few (session timeout, two-step).
    with django_assert_max_num_queries(14):
        assert client.get(reverse("learning:home")).status_code == 200


@pytest.mark.django_db
def test_query_count_of_the_register_does_not_grow_with_people(
    client, world, django_assert_max_num_queries
):
    for person in UserFactory.create_batch(12):
        services.booking_make(session=world.session_1, person=person, by=person)
    client.force_login(world.ambassador)
    # session, user, session with places, the people booked or waiting (one query with their
    # names), plus the middleware's own few.
    with django_assert_max_num_queries(10):
        assert client.get(session_url(world.session_1, "manage")).status_code == 200


@pytest.mark.django_db
def test_query_count_of_the_quiz_page_does_not_grow_with_attempts(
    client, citizen_a, django_assert_max_num_queries
):
    for _ in range(10):
        services.quiz_submit(person=citizen_a, answers={}, questions=[])
    client.force_login(citizen_a)
    # session, user, questions, my attempts, plus the middleware's own few.
    with django_assert_max_num_queries(9):
        assert client.get(reverse("learning:quiz")).status_code == 200


PAYLOAD = '"><svg onload=alert(1)><script>alert(1)</script>{{ 7 }}'


@pytest.mark.django_db
def test_io1_text_people_type_is_shown_as_text(client, world):
    world.venue.name = f"Hall {PAYLOAD}"
    world.venue.how_to_get_there = PAYLOAD
    world.venue.save()
    world.session_1.notes = PAYLOAD
    world.session_1.save()
    person = UserFactory(display_name=f"Asha {PAYLOAD}")
    booking = services.booking_make(session=world.session_1, person=person, by=person)
    services.attendance_record(
        session=world.session_1, attended=[booking.pk], completed=[], by=world.ambassador
    )
    complete(person, world.level_3, world.ambassador)
    ToolkitEntry.objects.create(
        title=f"Guide {PAYLOAD}",
        kind="video",
        description=PAYLOAD,
        url="https://example.org/guide",
        transcript=PAYLOAD,
    )
    pages = []
    client.force_login(person)
    pages += [client.get(reverse("learning:home")), client.get(session_url(world.session_1))]
    pages.append(client.get(reverse("learning:toolkit")))
    client.force_login(world.ambassador)
    pages.append(client.get(session_url(world.session_1, "manage")))
    for response in pages:
        body = response.content.decode()
        assert "<svg onload" not in body and "<script>alert" not in body, response.request
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body or "&lt;svg" in body
