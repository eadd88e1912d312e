"""Meetings of the network's groups and open events: AZ-1, AZ-2, AZ-3, AZ-5 and AZ-7 for the
group copies of the meeting pages, and signing up for an open event (CONC-1).

A group's meeting is seen by the group's members and its invitees; staff and administrators
organise it. An open event is seen by anyone signed in, who may sign up for a place."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from copro.framework.models import NetworkGroup
from copro.meetings import services
from copro.meetings.files import check_upload
from copro.meetings.models import AgendaItem, Arrangement, Invitee, Meeting
from copro.meetings.services_formats import paper_version_add
from copro.people.models import GroupMembership, Profile
from tests.concurrency import run_together, skip_on_sqlite
from tests.core.urlwalk import iter_patterns
from tests.meetings.test_az_meetings import MATRIX
from tests.meetings.world import a_paper, a_venue
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import verify_second_factor

NEXT_WEEK = timezone.now() + datetime.timedelta(days=7)


def a_group(name: str, order: int) -> NetworkGroup:
    return NetworkGroup.objects.create(
        name=name, slug=name.lower().replace(" ", "-"), order=order, description="About it."
    )


def join(group, user, takes_part_as="experience"):
    Profile.objects.update_or_create(user=user, defaults={"takes_part_as": takes_part_as})
    GroupMembership.objects.create(group=group, user=user, joined_on=datetime.date(2026, 1, 1))


def group_plan(group, by, venue, *, title, **extra):
    fields = {
        "title": title,
        "starts_at": NEXT_WEEK,
        "duration_minutes": 90,
        "format": "in_person",
        "purpose": "co-produce",
        "venue": venue,
        **extra,
    }
    return services.meeting_plan(group=group, by=by, **fields)


@pytest.fixture
def gworld(db):
    class W:
        pass

    w = W()
    w.staff = UserFactory(display_name="Sam (staff)", role="staff")
    w.board_member = UserFactory(display_name="Bea (on the board)")
    w.ambassador = UserFactory(display_name="Ade (ambassador)")
    w.outsider = UserFactory(display_name="Olu")
    w.board = a_group("Board Group", 1)
    w.ambassadors = a_group("Ambassador Group", 2)
    join(w.board, w.board_member)
    join(w.ambassadors, w.ambassador)
    w.venue = a_venue(by=w.staff)
    w.meeting_a = group_plan(w.board, w.staff, w.venue, title="Meeting A")
    w.meeting_b = group_plan(w.ambassadors, w.staff, w.venue, title="Meeting B")
    (w.invitee_a,) = services.invitees_add(meeting=w.meeting_a, users=[w.board_member], by=w.staff)
    (w.invitee_b,) = services.invitees_add(meeting=w.meeting_b, users=[w.ambassador], by=w.staff)
    w.paper_a = a_paper(w.meeting_a, w.staff, title="Paper A")
    w.paper_b = a_paper(w.meeting_b, w.staff, title="Paper B")
    return w


def sign_in(client, user):
    client.force_login(user)
    if user.role != "citizen":
        verify_second_factor(client, user)


# --- Every group route is the twin of a project route, under the same rules ----------------------

GROUP_ROUTES = {
    "group": "project",
    "group_plan": "plan",
    "group_suggest": "suggest",
}


def group_route_names() -> set[str]:
    return {p.name for r, p in iter_patterns() if r.startswith("meetings/groups/")}


def twin(name: str) -> str:
    return GROUP_ROUTES.get(name) or name.removeprefix("group_")


def test_az1_every_group_route_is_a_twin_of_a_project_route_in_the_matrix():
    names = group_route_names()
    assert names, "no group routes"
    missing = sorted(n for n in names if twin(n) not in MATRIX)
    assert missing == []


def _ids(w, side):
    meeting = w.meeting_a if side == "a" else w.meeting_b
    item = AgendaItem.objects.create(meeting=meeting, title=f"Item {side}", minutes=10)
    line = Arrangement.objects.create(
        meeting=meeting, invitee=meeting.invitees.first(), key="need:step_free", label="Step-free"
    )
    paper = w.paper_a if side == "a" else w.paper_b
    version = paper.versions.first() or paper_version_add(
        paper=paper,
        format="easy_read",
        checked=check_upload(b"Easy words.", "easy.txt"),
        by=paper.created_by,
    )
    return {
        "pk": meeting.group_id,
        "meeting_pk": meeting.pk,
        "item_pk": item.pk,
        "line_pk": line.pk,
        "paper_pk": paper.pk,
        "version_pk": version.pk,
    }


def _params(name):
    for route, pattern in iter_patterns():
        if pattern.name == name and route.startswith("meetings/groups/"):
            return set(pattern.pattern.converters)
    raise KeyError(name)


def url_for(name, ids):
    return reverse(f"meetings:{name}", kwargs={k: ids[k] for k in _params(name)})


def call(client, name, ids):
    method = MATRIX[twin(name)][0]
    url = url_for(name, ids)
    return client.post(url, {}) if method == "POST" else client.get(url)


def names_for(*who):
    return sorted(n for n in group_route_names() if MATRIX[twin(n)][1] in who)


@pytest.mark.django_db
@pytest.mark.parametrize("name", names_for("viewer", "organiser", "invitee"))
def test_az1_someone_outside_the_group_gets_404_with_nothing_leaked(client, gworld, name):
    ids = _ids(gworld, "a")
    sign_in(client, gworld.outsider)
    response = call(client, name, ids)
    assert response.status_code == 404, name
    assert b"Meeting A" not in response.content and b"Paper A" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("name", names_for("viewer", "organiser", "invitee"))
def test_az1_a_missing_group_or_meeting_is_the_same_404(client, gworld, name):
    keys = ("pk", "meeting_pk", "item_pk", "line_pk", "paper_pk", "version_pk")
    ids = {k: 999999 for k in keys}
    sign_in(client, gworld.staff)
    assert call(client, name, ids).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", [n for n in names_for("viewer", "organiser", "invitee") if "meeting_pk" in _params(n)]
)
def test_az2_a_meeting_of_another_group_under_this_group_is_404(client, gworld, name):
    ids = _ids(gworld, "b")
    ids["pk"] = gworld.board.pk  # the board's id, the ambassadors' meeting
    sign_in(client, gworld.staff)
    response = call(client, name, ids)
    assert response.status_code == 404, name
    assert b"Meeting B" not in response.content


@pytest.mark.django_db
def test_az2_a_project_meeting_under_a_group_and_a_group_meeting_under_a_project_are_404(
    client, gworld
):
    from tests.meetings.world import plan
    from tests.projects.world import make_world

    world = make_world()
    project_meeting = plan(world.project_a, world.lead_a, gworld.venue, title="Project thing")
    admin = UserFactory(role="administrator")
    sign_in(client, admin)
    assert client.get(f"/meetings/groups/{gworld.board.pk}/{project_meeting.pk}/").status_code == (
        404
    )
    assert (
        client.get(f"/meetings/projects/{world.project_a.pk}/{gworld.meeting_a.pk}/").status_code
        == 404
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", names_for("organiser"))
def test_az5_a_group_member_who_is_not_staff_cannot_organise(client, gworld, name):
    ids = _ids(gworld, "a")
    sign_in(client, gworld.board_member)
    assert call(client, name, ids).status_code == 404, name


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["group", "group_plan", "group_suggest", "group_detail"])
def test_az5_staff_organise_any_group_meetings_and_members_see_them(client, gworld, name):
    ids = _ids(gworld, "a")
    sign_in(client, gworld.staff)
    assert call(client, name, ids).status_code == 200, name
    if MATRIX[twin(name)][1] == "viewer":
        sign_in(client, gworld.board_member)
        assert call(client, name, ids).status_code == 200, name


@pytest.mark.django_db
def test_az7_a_group_member_cannot_change_the_meeting_by_posting(client, gworld):
    sign_in(client, gworld.board_member)
    url = url_for("group_change", _ids(gworld, "a"))
    response = client.post(url, {"title": "Hijacked", "purpose": "inform"})
    assert response.status_code == 404
    gworld.meeting_a.refresh_from_db()
    assert gworld.meeting_a.title == "Meeting A"


@pytest.mark.django_db
def test_az3_only_members_of_the_group_can_be_invited_or_lead_an_item(client, gworld):
    sign_in(client, gworld.staff)
    ids = _ids(gworld, "a")
    body = client.post(url_for("group_invite", ids), {"people": [gworld.ambassador.pk]})
    assert "Choose members of this group" in body.content.decode()
    assert not Invitee.objects.filter(meeting=gworld.meeting_a, user=gworld.ambassador).exists()
    body = client.post(
        url_for("group_agenda", ids), {"title": "X", "minutes": 5, "lead": gworld.ambassador.pk}
    )
    assert "Choose a member of this group" in body.content.decode()
    assert not AgendaItem.objects.filter(meeting=gworld.meeting_a, title="X").exists()


# --- Planning, inviting and seeing a group's meeting ------------------------------------------


@pytest.mark.django_db
def test_staff_plan_a_group_meeting_and_invite_its_members(client, gworld):
    second = UserFactory(display_name="Bob (on the board)")
    join(gworld.board, second, takes_part_as="qualification")
    sign_in(client, gworld.staff)
    data = {
        "title": "Board: autumn review",
        "purpose": "co-produce",
        "date": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
        "start_time": "14:00",
        "duration_minutes": 120,
        "format": "in_person",
        "venue": gworld.venue.pk,
    }
    response = client.post(f"/meetings/groups/{gworld.board.pk}/plan/", data)
    meeting = Meeting.objects.get(title="Board: autumn review")
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.group == gworld.board and meeting.project is None
    assert meeting.get_absolute_url() == f"/meetings/groups/{gworld.board.pk}/{meeting.pk}/"

    page = client.get(f"/meetings/groups/{gworld.board.pk}/{meeting.pk}/invite/").content.decode()
    assert "Bob (on the board) (expert by qualification)" in page
    assert "Ade (ambassador)" not in page
    client.post(
        f"/meetings/groups/{gworld.board.pk}/{meeting.pk}/invite/",
        {"people": [gworld.board_member.pk, second.pk]},
    )
    kinds = dict(meeting.invitees.values_list("user__display_name", "kind"))
    assert kinds == {"Bea (on the board)": "experience", "Bob (on the board)": "qualification"}

    sign_in(client, gworld.board_member)
    assert b"Board: autumn review" in client.get(meeting.get_absolute_url()).content
    mine = client.get("/meetings/").content.decode()
    assert "Board: autumn review" in mine and "Board Group" in mine


@pytest.mark.django_db
def test_a_group_meeting_has_no_project_decisions_to_link(client, gworld):
    sign_in(client, gworld.staff)
    url = url_for("group_notes", _ids(gworld, "a"))
    page = client.get(url).content.decode()
    assert "Decisions taken at this meeting" not in page
    response = client.post(url, {"notes": "We agreed."})
    assert response.status_code == 302
    gworld.meeting_a.refresh_from_db()
    assert gworld.meeting_a.notes == "We agreed."


@pytest.mark.django_db
def test_a_meeting_belongs_to_exactly_one_host(gworld):
    from django.db import IntegrityError, transaction

    from tests.projects.world import make_world

    world = make_world()
    with pytest.raises(ValueError):
        services.meeting_plan(
            project=world.project_a,
            group=gworld.board,
            by=gworld.staff,
            title="Both",
            starts_at=NEXT_WEEK,
            duration_minutes=60,
            format="online",
            online_link="https://meet.example.org/x",
            purpose="inform",
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=gworld.meeting_a.pk).update(group=None)


# --- Open events ---------------------------------------------------------------------------------


@pytest.fixture
def event(gworld):
    return group_plan(
        gworld.ambassadors,
        gworld.staff,
        gworld.venue,
        title="Drop-in",
        open_to_all=True,
        capacity=2,
        purpose="inform",
    )


@pytest.mark.django_db
def test_anyone_signed_in_sees_an_open_event_and_signs_up(client, gworld, event):
    sign_in(client, gworld.outsider)
    listing = client.get("/meetings/open-events/").content.decode()
    assert "Drop-in" in listing and "Meeting B" not in listing
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Sign up for a place" in page
    response = client.post(event.url("sign_up"))
    assert response.status_code == 302
    invitee = Invitee.objects.get(meeting=event, user=gworld.outsider)
    assert invitee.reply == "yes" and invitee.kind == "experience"
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Sign up for a place" not in page and "Your reply" in page
    # Signing up again changes nothing.
    client.post(event.url("sign_up"))
    assert Invitee.objects.filter(meeting=event, user=gworld.outsider).count() == 1


@pytest.mark.django_db
def test_an_open_event_hides_names_from_everyone_but_the_organisers(client, gworld, event):
    services.event_sign_up(meeting=event, user=gworld.board_member, by=gworld.board_member)
    sign_in(client, gworld.outsider)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Bea (on the board)" not in page and "1 person is coming" in page
    sign_in(client, gworld.staff)
    assert "Bea (on the board)" in client.get(event.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_signing_up_when_full_joins_the_waiting_list_and_a_freed_place_is_given(gworld, event):
    first, second, third = (UserFactory() for _ in range(3))
    for person in (first, second, third):
        services.event_sign_up(meeting=event, user=person, by=person)
    replies = dict(event.invitees.values_list("user_id", "reply"))
    assert replies == {first.pk: "yes", second.pk: "yes", third.pk: "waitlist"}
    services.invitation_reply(invitee=event.invitees.get(user=first), reply="no", by=first)
    assert event.invitees.get(user=third).reply == "yes"


@pytest.mark.django_db
def test_an_open_event_of_a_private_project_is_seen_but_the_project_stays_private(client, gworld):
    from tests.meetings.world import plan
    from tests.projects.world import make_world

    world = make_world()
    open_day = plan(
        world.project_b,
        world.project_b.memberships.get(role="lead").user,
        gworld.venue,
        title="Open day",
        open_to_all=True,
    )
    sign_in(client, gworld.outsider)
    assert client.get(open_day.get_absolute_url()).status_code == 200
    assert client.get(f"/meetings/projects/{world.project_b.pk}/").status_code == 404
    assert client.get(f"/projects/{world.project_b.pk}/").status_code == 404
    client.post(open_day.url("sign_up"))
    assert open_day.invitees.filter(user=gworld.outsider, reply="yes").exists()


@pytest.mark.django_db
def test_only_open_events_take_sign_ups_and_not_after_they_happen(client, gworld, event):
    with pytest.raises(ValidationError, match="Only open events"):
        services.event_sign_up(meeting=gworld.meeting_a, user=gworld.board_member, by=None)
    Meeting.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    event.refresh_from_db()
    with pytest.raises(ValidationError, match="already happened"):
        services.event_sign_up(meeting=event, user=gworld.outsider, by=gworld.outsider)
    # Through the page: a member posting to a meeting that is not open gets a message, no place.
    sign_in(client, gworld.board_member)
    before = Invitee.objects.count()
    response = client.post(gworld.meeting_a.url("sign_up"), follow=True)
    assert "Only open events take sign-ups" in response.content.decode()
    assert Invitee.objects.count() == before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_conc1_many_people_signing_up_at_once_never_overfill_the_event():
    skip_on_sqlite()
    staff = UserFactory(role="staff")
    group = a_group("Race Group", 9)
    event = group_plan(group, staff, a_venue(by=staff), title="Race", open_to_all=True, capacity=2)

    def sign_up_twice(person):  # a double click
        services.event_sign_up(meeting=event, user=person, by=person)
        services.event_sign_up(meeting=event, user=person, by=person)

    people = [UserFactory() for _ in range(8)]
    assert run_together([lambda p=p: sign_up_twice(p) for p in people]) == []
    replies = sorted(event.invitees.values_list("reply", flat=True))
    assert replies == ["waitlist"] * 6 + ["yes"] * 2


@pytest.mark.django_db
def test_coming_to_a_group_meeting_counts_for_the_person_and_proposes_their_reward(gworld):
    """Group meetings are left out of every project's evidence, but the time people give to
    them still counts: a reward is proposed, with no project, and the involvement record
    names the group."""
    from copro.people.involvement import involvement_record
    from copro.reciprocity.models import Reward

    Meeting.objects.filter(pk=gworld.meeting_a.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=2)
    )
    gworld.meeting_a.refresh_from_db()
    services.attendance_record(
        meeting=gworld.meeting_a,
        entries=[(gworld.invitee_a, "attended", 90)],
        by=gworld.staff,
    )
    reward = Reward.objects.get(person=gworld.board_member)
    assert reward.project is None and reward.minutes == 90
    record = involvement_record(user=gworld.board_member)
    assert "Board Group" in str(record)
