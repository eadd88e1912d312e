"""Places at a meeting: a limit, places kept for experts by experience and a waiting list;
CONC-1 (two people take the last place) and CONC-3 (attendance saved twice)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from copro.meetings import services
from copro.meetings.models import Attendance, Invitee, Meeting
from copro.projects import services as project_services
from tests.concurrency import run_together, skip_on_sqlite
from tests.meetings.world import a_venue, plan
from tests.people.factories import UserFactory
from tests.projects.world import TODAY, make_world


def a_meeting_with(count: int, *, capacity=None, reserved=0, staff=0):
    """A meeting of project A with `count` invitees: the first `staff` experts by
    qualification, the rest experts by experience."""
    world = make_world()
    people = []
    for n in range(count):
        person = UserFactory(display_name=f"Person {n}")
        project_services.member_add(
            project=world.project_a,
            user=person,
            kind="qualification" if n < staff else "experience",
            role="member",
            joined_on=TODAY,
            by=world.lead_a,
        )
        people.append(person)
    meeting = plan(
        world.project_a,
        world.lead_a,
        a_venue(by=world.lead_a),
        capacity=capacity,
        reserved_places=reserved,
    )
    invitees = services.invitees_add(meeting=meeting, users=people, by=world.lead_a)
    return world, meeting, invitees


def reply(invitee, answer):
    return services.invitation_reply(invitee=invitee, reply=answer, by=invitee.user)


def replies(meeting):
    return list(meeting.invitees.order_by("pk").values_list("reply", flat=True))


@pytest.mark.django_db
def test_conc1_when_the_meeting_is_full_a_yes_goes_on_the_waiting_list():
    _world, meeting, (a, b, c) = a_meeting_with(3, capacity=2)
    assert reply(a, "yes").reply == "yes"
    assert reply(b, "yes").reply == "yes"
    assert reply(c, "yes").on_waiting_list
    assert replies(meeting) == ["yes", "yes", "waitlist"]


@pytest.mark.django_db
def test_a_place_given_up_goes_to_the_first_person_waiting(django_capture_on_commit_callbacks):
    _world, meeting, (a, b, c, d) = a_meeting_with(4, capacity=2)
    for person in (a, b, c, d):
        reply(person, "yes")
    assert replies(meeting) == ["yes", "yes", "waitlist", "waitlist"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reply(a, "no")
    assert replies(meeting) == ["no", "yes", "yes", "waitlist"]
    (message,) = mail.outbox  # the person given the place is told
    assert message.to == [c.user.email]
    assert message.subject.startswith("A place has come free for you")
    reply(d, "maybe")  # leaving the waiting list frees nothing and takes no one's place
    assert replies(meeting) == ["no", "yes", "yes", "maybe"]


@pytest.mark.django_db
def test_kept_places_go_only_to_experts_by_experience():
    # Person 0 and 1 are staff; 2 and 3 experts by experience; 3 places, 2 kept.
    _world, meeting, (s1, s2, e1, e2) = a_meeting_with(4, capacity=3, reserved=2, staff=2)
    assert reply(s1, "yes").reply == "yes"
    assert reply(s2, "yes").on_waiting_list  # only kept places are left
    assert reply(e1, "yes").reply == "yes"
    assert reply(e2, "yes").reply == "yes"
    assert replies(meeting) == ["yes", "waitlist", "yes", "yes"]
    reply(e1, "no")  # a kept place frees, but the staff member waiting cannot have it
    assert replies(meeting) == ["yes", "waitlist", "no", "yes"]
    reply(s1, "no")  # an open place frees: the staff member gets it
    assert replies(meeting) == ["no", "yes", "no", "yes"]


@pytest.mark.django_db
def test_raising_the_limit_gives_places_to_people_waiting():
    world, meeting, (a, b) = a_meeting_with(2, capacity=1)
    reply(a, "yes")
    reply(b, "yes")
    services.meeting_update(meeting=meeting, by=world.lead_a, capacity=2)
    assert replies(meeting) == ["yes", "yes"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("capacity", "reserved", "field", "message"),
    [
        (2, 3, "reserved_places", "You cannot keep more places than there are places"),
        (None, 1, "reserved_places", "Set the most people who can come before keeping places"),
        (1, 0, "capacity", "2 people have already said they will come"),
    ],
)
def test_limits_that_do_not_add_up_are_refused_in_plain_english(capacity, reserved, field, message):
    world, meeting, (a, b) = a_meeting_with(2, capacity=None)
    reply(a, "yes")
    reply(b, "yes")
    with pytest.raises(ValidationError) as refused:
        services.meeting_update(
            meeting=meeting, by=world.lead_a, capacity=capacity, reserved_places=reserved
        )
    assert message in " ".join(refused.value.message_dict[field])
    meeting.refresh_from_db()
    assert (meeting.capacity, meeting.reserved_places) == (None, 0)


@pytest.mark.django_db
def test_the_reply_page_says_plainly_that_the_person_is_on_the_waiting_list(client):
    world, meeting, (a, b) = a_meeting_with(2, capacity=1)
    reply(a, "yes")
    client.force_login(b.user)
    url = f"/meetings/projects/{meeting.project_id}/{meeting.pk}/"
    response = client.post(url + "reply/", {"reply": "yes"}, follow=True)
    body = response.content.decode()
    assert "Sorry, the meeting is full. You are on the waiting list" in body
    assert "1 on the waiting list" in body
    assert Invitee.objects.get(pk=b.pk).on_waiting_list


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_conc1_many_people_saying_yes_at_once_never_overfill_the_meeting():
    skip_on_sqlite()
    _world, meeting, invitees = a_meeting_with(8, capacity=1)
    errors = run_together([lambda i=i: reply(i, "yes") for i in invitees])
    assert errors == []
    assert sorted(replies(meeting)) == ["waitlist"] * 7 + ["yes"]


def _entries(meeting, status="attended"):
    return [(i, status, 60) for i in meeting.invitees.all()]


@pytest.mark.django_db
def test_conc3_saving_attendance_twice_keeps_one_record_per_person():
    world, meeting, _invitees = a_meeting_with(3)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at - datetime.timedelta(days=30)
    )
    meeting.refresh_from_db()
    services.attendance_record(meeting=meeting, entries=_entries(meeting), by=world.lead_a)
    services.attendance_record(
        meeting=meeting, entries=_entries(meeting, "apologies"), by=world.lead_a
    )
    rows = Attendance.objects.filter(meeting=meeting)
    assert rows.count() == 3
    assert set(rows.values_list("status", "minutes")) == {("apologies", None)}


@pytest.mark.django_db
def test_conc3_saving_attendance_twice_proposes_one_reward_per_person():
    """People who came get something back (copro.reciprocity); saving again, even with the
    minutes corrected, never proposes a second reward."""
    from copro.reciprocity.models import Reward

    world, meeting, _invitees = a_meeting_with(3, staff=1)  # two experts by experience
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at - datetime.timedelta(days=30)
    )
    meeting.refresh_from_db()
    services.attendance_record(meeting=meeting, entries=_entries(meeting), by=world.lead_a)
    first = set(Reward.objects.values_list("person_id", "source_key"))
    again = [(i, "attended", 45) for i in meeting.invitees.all()]
    services.attendance_record(meeting=meeting, entries=again, by=world.lead_a)
    assert set(Reward.objects.values_list("person_id", "source_key")) == first
    experts = set(meeting.invitees.filter(kind="experience").values_list("user_id", flat=True))
    assert {person for person, _key in first} == experts
    assert Reward.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_conc3_saving_attendance_concurrently_keeps_one_record_per_person():
    skip_on_sqlite()
    world, meeting, _invitees = a_meeting_with(3)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at - datetime.timedelta(days=30)
    )
    meeting.refresh_from_db()

    def save():
        services.attendance_record(meeting=meeting, entries=_entries(meeting), by=world.lead_a)

    assert run_together([save] * 6) == []
    assert Attendance.objects.filter(meeting=meeting).count() == 3
    from copro.reciprocity.models import Reward

    keys = list(Reward.objects.values_list("person_id", "source_key"))
    assert len(keys) == len(set(keys)) == 3  # one proposal per person per meeting


@pytest.mark.django_db
def test_attendance_before_the_meeting_is_refused():
    world, meeting, _invitees = a_meeting_with(1)
    with pytest.raises(ValidationError, match="once the meeting has started"):
        services.attendance_record(meeting=meeting, entries=_entries(meeting), by=world.lead_a)
    assert not Attendance.objects.exists()
