"""AZ-1, AZ-2, AZ-3, AZ-5, AZ-7, AZ-11 and AZ-13 for meeting pages.

MATRIX names every meetings route with who may use it. A meta-test fails when a new route has
no entry, so nothing is added without its authorisation test."""

import pytest
from django.urls import reverse

from copro.meetings.files import check_upload
from copro.meetings.models import AgendaItem, Arrangement, Attendance, Invitee, Meeting, Venue
from copro.meetings.services_formats import paper_version_add
from tests.core.urlwalk import iter_patterns
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import verify_second_factor

# route name -> (method, who may: "organiser", "viewer" (members, invitees, organiser),
# "invitee", "signed_in", "administrator", "anyone with the secret")
MATRIX = {
    "mine": ("GET", "signed_in"),
    "events": ("GET", "signed_in"),
    "venues": ("GET", "signed_in"),
    "venue_new": ("GET", "administrator"),
    "venue_change": ("GET", "administrator"),
    "calendar": ("GET", "signed_in"),
    "feed": ("GET", "secret"),
    "project": ("GET", "viewer"),
    "plan": ("GET", "organiser"),
    "suggest": ("GET", "organiser"),
    "detail": ("GET", "viewer"),
    "change": ("GET", "organiser"),
    "cancel": ("GET", "organiser"),
    "agenda": ("GET", "organiser"),
    "agenda_remove": ("POST", "organiser"),
    "notes": ("GET", "organiser"),
    "invite": ("GET", "organiser"),
    "reply": ("POST", "invitee"),
    "sign_up": ("POST", "viewer"),  # open events only; any other meeting: a message, no place
    "needs": ("GET", "invitee"),
    "access": ("GET", "organiser"),
    "access_refresh": ("POST", "organiser"),
    "access_update": ("POST", "organiser"),
    "attendance": ("GET", "organiser"),
    "papers": ("GET", "organiser"),
    "papers_send": ("POST", "organiser"),
    "paper_download": ("GET", "viewer"),
    "paper_version_add": ("GET", "organiser"),
    "paper_version_download": ("GET", "viewer"),
    "large_print_make": ("POST", "organiser"),
    "ics": ("GET", "viewer"),
}


def meetings_route_names() -> set[str]:
    """Every meetings route except the group copies of the meeting pages, which
    tests/meetings/test_az_group_meetings.py covers."""
    names = set()
    for route, pattern in iter_patterns():
        # Pages of other apps under the meetings address (the front door's call list and
        # paper pack) have their own AZ tests in their app.
        ours = pattern.callback.__module__.startswith("copro.meetings")
        if ours and route.startswith("meetings/") and not route.startswith("meetings/groups/"):
            names.add(pattern.name)
    return names


def test_az1_every_meetings_route_has_a_matrix_entry():
    assert meetings_route_names() == set(MATRIX)


def _objects(world, side: str) -> dict:
    meeting = world.meeting_a if side == "a" else world.meeting_b
    item = AgendaItem.objects.create(meeting=meeting, title=f"Item {side}", minutes=10)
    line = Arrangement.objects.create(
        meeting=meeting,
        invitee=meeting.invitees.first(),
        key="need:step_free",
        label="Step-free access",
    )
    paper = world.paper_a if side == "a" else world.paper_b
    version = paper.versions.first() or paper_version_add(
        paper=paper,
        format="easy_read",
        checked=check_upload(b"Easy words.", "easy.txt"),
        by=paper.created_by,
    )
    return {
        "pk": meeting.project_id,
        "meeting_pk": meeting.pk,
        "item_pk": item.pk,
        "line_pk": line.pk,
        "paper_pk": paper.pk,
        "version_pk": version.pk,
    }


def url_for(name: str, ids: dict) -> str:
    return reverse(f"meetings:{name}", kwargs={k: ids[k] for k in route_params(name)})


NESTED = [n for n, (_m, who) in MATRIX.items() if who in ("viewer", "organiser", "invitee")]


def route_params(name: str) -> set[str]:
    from django.urls import get_resolver

    for _route, pattern in iter_patterns(get_resolver()):
        if pattern.name == name and _route.startswith("meetings/"):
            return set(pattern.pattern.converters)
    raise KeyError(name)


# Routes under a meeting: AZ-2 swaps the project's id. "plan" and "suggest" take only the
# project's id (there is no meeting in them to mismatch), so they are covered by AZ-1 and AZ-5.
UNDER_A_MEETING = [n for n in NESTED if "meeting_pk" in route_params(n)]


def request(client, name, ids):
    method = MATRIX[name][0]
    url = url_for(name, ids)
    return client.post(url, {}) if method == "POST" else client.get(url)


@pytest.mark.django_db
@pytest.mark.parametrize("name", NESTED)
@pytest.mark.parametrize("persona", ["outsider", "citizen_b"])
def test_az1_people_who_cannot_see_project_a_get_404_with_nothing_leaked(
    client, mworld, name, persona
):
    ids = _objects(mworld, "a")
    client.force_login(getattr(mworld, persona))
    response = request(client, name, ids)
    assert response.status_code == 404, name
    body = response.content
    assert b"Meeting A" not in body and b"Project A" not in body and b"Paper A" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("name", NESTED)
def test_az1_a_missing_id_is_the_same_404(client, mworld, name):
    keys = ("pk", "meeting_pk", "item_pk", "line_pk", "paper_pk", "version_pk")
    ids = {k: 999999 for k in keys}
    client.force_login(mworld.lead_a)
    assert request(client, name, ids).status_code == 404


@pytest.mark.django_db
def test_az2_every_route_with_a_meeting_id_also_has_the_project_id():
    assert set(UNDER_A_MEETING) == {n for n in MATRIX if "meeting_pk" in route_params(n)}
    assert all("pk" in route_params(n) for n in UNDER_A_MEETING)
    assert {"plan", "suggest"}.isdisjoint(UNDER_A_MEETING)


@pytest.mark.django_db
@pytest.mark.parametrize("name", UNDER_A_MEETING)
def test_az2_a_meeting_of_b_under_project_a_is_404(client, mworld, name):
    ids = _objects(mworld, "b")
    ids["pk"] = mworld.project_a.pk  # A's parent, B's meeting
    client.force_login(mworld.lead_a)
    response = request(client, name, ids)
    assert response.status_code == 404, name
    assert b"Meeting B" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        n
        for n in NESTED
        if n in ("agenda_remove", "access_update", "paper_download", "paper_version_download")
    ],
)
def test_az2_a_child_of_meeting_b_under_meeting_a_is_404(client, mworld, name):
    own = _objects(mworld, "a")
    other = _objects(mworld, "b")
    ids = {**own, "item_pk": other["item_pk"], "line_pk": other["line_pk"]}
    ids["paper_pk"] = other["paper_pk"]
    if name == "paper_version_download":  # A's paper with B's version, then B's paper
        ids = {**own, "version_pk": other["version_pk"]}
        client.force_login(mworld.lead_a)
        assert request(client, name, ids).status_code == 404
        assert request(client, name, {**own, "paper_pk": other["paper_pk"]}).status_code == 404
    client.force_login(mworld.lead_a)
    assert request(client, name, ids).status_code == 404
    assert AgendaItem.objects.filter(pk=other["item_pk"]).exists()
    assert Arrangement.objects.get(pk=other["line_pk"]).status == "requested"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [n for n, (_m, who) in MATRIX.items() if who == "organiser" and n not in ("plan", "suggest")],
)
def test_az5_a_member_who_does_not_run_the_project_cannot_organise(client, mworld, name):
    ids = _objects(mworld, "a")
    client.force_login(mworld.citizen_a)
    assert request(client, name, ids).status_code == 404, name


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["plan", "suggest"])
def test_az5_only_the_lead_plans_meetings(client, mworld, name):
    client.force_login(mworld.citizen_a)
    assert client.get(url_for(name, {"pk": mworld.project_a.pk})).status_code == 404
    client.force_login(mworld.lead_a)
    assert client.get(url_for(name, {"pk": mworld.project_a.pk})).status_code == 200


@pytest.mark.django_db
def test_az5_only_administrators_manage_venues(client, mworld):
    client.force_login(mworld.lead_a)
    assert client.get("/meetings/venues/new/").status_code == 403
    assert client.get(f"/meetings/venues/{mworld.venue.pk}/change/").status_code == 403
    assert client.post("/meetings/venues/new/", {"name": "X", "address": "Y"}).status_code == 403
    assert not Venue.objects.filter(name="X").exists()
    admin = UserFactory(role="administrator")
    client.force_login(admin)
    verify_second_factor(client, admin)
    assert client.get("/meetings/venues/new/").status_code == 200
    assert client.get(f"/meetings/venues/{mworld.venue.pk}/change/").status_code == 200
    response = client.post(
        "/meetings/venues/new/", {"name": "Library", "address": "2 Low Road", "is_active": "on"}
    )
    assert response.status_code == 302
    assert Venue.objects.filter(name="Library", created_by=admin).exists()


@pytest.mark.django_db
def test_members_and_invitees_see_the_meeting(client, mworld):
    p, m = mworld.project_a.pk, mworld.meeting_a.pk
    for person in (mworld.citizen_a, mworld.lead_a):
        client.force_login(person)
        assert client.get(f"/meetings/projects/{p}/{m}/").status_code == 200
        assert (
            client.get(f"/meetings/projects/{p}/{m}/papers/{mworld.paper_a.pk}/").status_code == 200
        )
        version = mworld.paper_a.versions.first() or paper_version_add(
            paper=mworld.paper_a,
            format="easy_read",
            checked=check_upload(b"Easy words.", "easy.txt"),
            by=mworld.lead_a,
        )
        url = f"/meetings/projects/{p}/{m}/papers/{mworld.paper_a.pk}/versions/{version.pk}/"
        assert client.get(url).status_code == 200
    # A member who was not invited still sees the meeting of their project.
    other = UserFactory()
    from copro.projects import services as project_services

    project_services.member_add(
        project=mworld.project_a,
        user=other,
        kind="experience",
        role="member",
        joined_on=mworld.project_a.created_at.date(),
        by=mworld.lead_a,
    )
    client.force_login(other)
    assert client.get(f"/meetings/projects/{p}/{m}/").status_code == 200
    assert client.get(f"/meetings/projects/{p}/{m}/my-needs/").status_code == 404  # not invited


@pytest.mark.django_db
def test_az3_posting_ids_from_another_project_is_refused_beside_the_field(client, mworld):
    p, m = mworld.project_a.pk, mworld.meeting_a.pk
    lead_b = mworld.project_b.memberships.get(role="lead").user
    client.force_login(mworld.lead_a)
    body = client.post(
        f"/meetings/projects/{p}/{m}/agenda/", {"title": "X", "minutes": 5, "lead": lead_b.pk}
    ).content.decode()
    assert "Choose a member of this project" in body
    assert not AgendaItem.objects.filter(meeting=mworld.meeting_a).exists()

    body = client.post(
        f"/meetings/projects/{p}/{m}/invite/", {"people": [mworld.citizen_b.pk]}
    ).content.decode()
    assert "Choose members of this project" in body
    assert not Invitee.objects.filter(meeting=mworld.meeting_a, user=mworld.citizen_b).exists()

    body = client.post(
        f"/meetings/projects/{p}/{m}/notes/", {"notes": "n", "decisions": [mworld.decision_b.pk]}
    ).content.decode()
    assert "Choose decisions of this project" in body
    assert not mworld.meeting_a.decisions.exists()

    inactive = mworld.venue.__class__.objects.create(
        name="Closed", address="Gone", is_active=False, features=[]
    )
    data = {
        "title": "T",
        "purpose": "consult",
        "date": "2030-01-07",
        "start_time": "10:00",
        "duration_minutes": 60,
        "format": "in_person",
        "venue": inactive.pk,
    }
    body = client.post(f"/meetings/projects/{p}/plan/", data).content.decode()
    assert "Choose a place from the list" in body
    assert not Meeting.objects.filter(title="T").exists()


@pytest.mark.django_db
def test_az3_attendance_for_someone_invited_to_another_meeting_is_ignored(client, mworld):
    Meeting.objects.filter(pk=mworld.meeting_a.pk).update(
        starts_at=mworld.meeting_a.starts_at.replace(year=2020)
    )
    client.force_login(mworld.lead_a)
    url = f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/attendance/"
    body = client.post(url, {f"status_{mworld.invitee_b.pk}": "attended"}).content.decode()
    assert "Say whether at least one person came" in body
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_az7_your_meetings_lists_exactly_the_visible_meetings(client, mworld):
    from copro.meetings.permissions import meeting_list_visible

    for person in (mworld.citizen_a, mworld.citizen_b, mworld.outsider, mworld.lead_a):
        client.force_login(person)
        body = client.get("/meetings/").content.decode()
        visible = set(meeting_list_visible(viewer=person).values_list("title", flat=True))
        for title in ("Meeting A", "Meeting B"):
            assert (title in body) == (title in visible), (person, title)
    assert set(meeting_list_visible(viewer=mworld.outsider)) == set()


@pytest.mark.django_db
def test_az7_the_project_meetings_list_shows_only_that_project(client, mworld):
    client.force_login(mworld.lead_a)
    body = client.get(f"/meetings/projects/{mworld.project_a.pk}/").content.decode()
    assert "Meeting A" in body and "Meeting B" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("name", [n for n in MATRIX if n != "feed"])
def test_az11_anonymous_people_are_sent_to_sign_in(client, mworld, name):
    ids = {**_objects(mworld, "a"), "venue_pk": mworld.venue.pk}
    response = request(client, name, ids)
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"], name


@pytest.mark.django_db
def test_az13_leaving_the_project_takes_its_meetings_away_at_once(client, mworld):
    p, m = mworld.project_a.pk, mworld.meeting_a.pk
    client.force_login(mworld.citizen_a)
    assert client.get(f"/meetings/projects/{p}/{m}/").status_code == 200
    membership = mworld.citizen_a.project_memberships.get()
    membership.left_on = membership.joined_on
    membership.save()
    assert client.get(f"/meetings/projects/{p}/{m}/").status_code == 404
    assert client.get(f"/meetings/projects/{p}/{m}/papers/{mworld.paper_a.pk}/").status_code == 404


# Routes whose page is a form: GET shows it, POST sends it. Every other route takes one method.
FORM_PAGES = {
    "calendar", "notes", "agenda", "invite", "needs", "attendance", "papers",
    "change", "cancel", "plan", "venue_new", "venue_change", "paper_version_add",
}  # fmt: skip


def allowed_methods(name: str) -> set[str]:
    return {"GET", "POST"} if name in FORM_PAGES else {MATRIX[name][0]}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_every_other_method_is_405(client, mworld, name):
    """GET-only routes refuse POST, POST-only routes refuse GET, and nothing takes PUT,
    PATCH or DELETE. Asked as the organiser, who may use every route of project A."""
    ids = {**_objects(mworld, "a"), "venue_pk": mworld.venue.pk, "token": "x"}
    client.force_login(mworld.lead_a)
    url = url_for(name, ids)
    for method in {"GET", "POST", "PUT", "PATCH", "DELETE"} - allowed_methods(name):
        response = getattr(client, method.lower())(url)
        assert response.status_code == 405, (name, method)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(FORM_PAGES - {"needs", "venue_new", "venue_change"}))
def test_form_pages_answer_both_get_and_post_for_the_organiser(client, mworld, name):
    """The allowance above is real: these pages take both methods (a POST of an empty form is
    shown again with errors, or acted on, never refused as the wrong method)."""
    Meeting.objects.filter(pk=mworld.meeting_a.pk).update(
        starts_at=mworld.meeting_a.starts_at.replace(year=2020)
    )
    ids = {**_objects(mworld, "a"), "venue_pk": mworld.venue.pk}
    client.force_login(mworld.lead_a)
    url = url_for(name, ids)
    assert client.get(url).status_code == 200, name
    assert client.post(url, {}).status_code in (200, 302), name
