"""Every meeting page runs a fixed number of queries, whatever the number of invitees, their
needs, papers or past meetings (DESIGN.md: bounded queries on every page)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from copro.meetings import services
from copro.meetings.models import Meeting
from copro.people.models import AccessNeed, AvailableSlot, FormatNeed, UnavailableDate
from copro.projects import services as project_services
from tests.meetings.world import a_paper, a_venue, plan
from tests.people.factories import UserFactory
from tests.projects.world import TODAY, make_world

PAGES = [
    "",  # the meeting
    "agenda/",
    "invite/",
    "access/",
    "attendance/",
    "papers/",
    "notes/",
    "change/",
    "meeting.ics",
]


def grown_meeting(n: int):
    """Project A with `n` more members, all invited, each with needs, formats, availability,
    a date away and a reply; a past meeting with papers, agenda and attendance."""
    world = make_world()
    venue = a_venue(name=f"Hall for {n}", by=world.lead_a, features=())
    people = []
    for i in range(n):
        person = UserFactory(display_name=f"Member {i:02}")
        project_services.member_add(
            project=world.project_a,
            user=person,
            kind="experience" if i % 2 else "qualification",
            role="member",
            joined_on=TODAY,
            by=world.lead_a,
        )
        AccessNeed.objects.create(user=person, need="step_free")
        AccessNeed.objects.create(user=person, need="bsl_interpreter")
        FormatNeed.objects.create(user=person, format="large_print")
        AvailableSlot.objects.create(user=person, weekday=i % 7, part_of_day="morning")
        UnavailableDate.objects.create(user=person, date=TODAY + datetime.timedelta(days=i))
        people.append(person)
    meeting = plan(world.project_a, world.lead_a, venue, capacity=500)
    invitees = services.invitees_add(meeting=meeting, users=people, by=world.lead_a)
    for invitee in invitees[: n // 2]:
        services.invitation_reply(invitee=invitee, reply="yes", by=invitee.user)
    for i in range(min(n, 10)):
        services.agenda_item_add(
            meeting=meeting, title=f"Item {i}", minutes=5, lead=people[i], by=world.lead_a
        )
        a_paper(meeting, world.lead_a, title=f"Paper {i}")
    for i in range(min(n, 10)):  # earlier meetings for the spread grid
        plan(
            world.project_a,
            world.lead_a,
            venue,
            title=f"Earlier {i}",
            starts_at=meeting.starts_at - datetime.timedelta(days=30 + 7 * i),
        )
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at - datetime.timedelta(days=8)
    )
    meeting.refresh_from_db()
    services.attendance_record(
        meeting=meeting, entries=[(i, "attended", 60) for i in invitees], by=world.lead_a
    )
    return world, meeting, people


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def page_counts(client, n):
    world, meeting, people = grown_meeting(n)
    base = f"/meetings/projects/{world.project_a.pk}/"
    client.force_login(world.lead_a)
    counts = {page: count(client, f"{base}{meeting.pk}/{page}") for page in PAGES}
    counts["project"] = count(client, base)
    counts["suggest"] = count(
        client, f"{base}suggest-times/?start=2026-12-01&end=2026-12-28&duration=90"
    )
    counts["mine"] = count(client, "/meetings/")
    client.force_login(people[0])
    counts["as invitee"] = count(client, f"{base}{meeting.pk}/")
    counts["my needs"] = count(client, f"{base}{meeting.pk}/my-needs/")
    return counts


@pytest.mark.django_db
def test_meeting_pages_take_the_same_number_of_queries_for_3_and_for_30_invitees(
    client, django_assert_max_num_queries
):
    small = page_counts(client, 3)
    large = page_counts(client, 30)
    assert small == large, (small, large)
    # Each page: session, user, project, meeting, the viewer's membership or invitation, then
    # a fixed set of reads (agenda, invitees, replies, papers, decisions, checklist, needs,
    # formats, attendance, messages); none grows with the number of people.
    assert max(large.values()) <= 20, large
