"""Group meetings and open events run a fixed number of queries too, whatever the number of
group members, invitees, sign-ups or needs."""

import datetime

import pytest

from copro.meetings import services
from copro.meetings.models import Meeting
from copro.people.models import AccessNeed, AvailableSlot, FormatNeed
from tests.meetings.test_az_group_meetings import a_group, group_plan, join, sign_in
from tests.meetings.test_query_counts import PAGES, count
from tests.meetings.world import a_paper, a_venue
from tests.people.factories import UserFactory


def grown_group_meeting(n: int):
    staff = UserFactory(display_name=f"Staff {n}", role="staff")
    group = a_group(f"Group of {n}", n)
    venue = a_venue(name=f"Hall {n}", by=staff, features=())
    people = []
    for i in range(n):
        person = UserFactory(display_name=f"Member {i:02}")
        join(group, person, takes_part_as="experience" if i % 2 else "qualification")
        AccessNeed.objects.create(user=person, need="step_free")
        FormatNeed.objects.create(user=person, format="large_print")
        AvailableSlot.objects.create(user=person, weekday=i % 7, part_of_day="morning")
        people.append(person)
    meeting = group_plan(group, staff, venue, title=f"Meeting {n}", capacity=500)
    invitees = services.invitees_add(meeting=meeting, users=people, by=staff)
    for invitee in invitees[: n // 2]:
        services.invitation_reply(invitee=invitee, reply="yes", by=invitee.user)
    for i in range(min(n, 10)):
        services.agenda_item_add(
            meeting=meeting, title=f"Item {i}", minutes=5, lead=people[i], by=staff
        )
        a_paper(meeting, staff, title=f"Paper {i}")
        group_plan(
            group,
            staff,
            venue,
            title=f"Open {n}-{i}",
            open_to_all=True,
            capacity=50,
            starts_at=meeting.starts_at + datetime.timedelta(days=i + 1),
        )
    for person in people:  # everyone signs up to the first open event
        services.event_sign_up(
            meeting=Meeting.objects.get(title=f"Open {n}-0"), user=person, by=person
        )
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at - datetime.timedelta(days=8)
    )
    meeting.refresh_from_db()
    services.attendance_record(
        meeting=meeting, entries=[(i, "attended", 60) for i in invitees], by=staff
    )
    return staff, group, meeting, people


def page_counts(client, n):
    staff, group, meeting, people = grown_group_meeting(n)
    base = f"/meetings/groups/{group.pk}/"
    sign_in(client, staff)
    counts = {page: count(client, f"{base}{meeting.pk}/{page}") for page in PAGES}
    counts["group"] = count(client, base)
    counts["suggest"] = count(
        client, f"{base}suggest-times/?start=2026-12-01&end=2026-12-28&duration=90"
    )
    counts["mine"] = count(client, "/meetings/")
    counts["open events"] = count(client, "/meetings/open-events/")
    open_event = Meeting.objects.get(title=f"Open {n}-0")
    counts["open event"] = count(client, open_event.get_absolute_url())
    sign_in(client, people[0])
    counts["as invitee"] = count(client, f"{base}{meeting.pk}/")
    counts["open event as signed up"] = count(client, open_event.get_absolute_url())
    return counts


@pytest.mark.django_db
def test_group_meeting_pages_take_the_same_number_of_queries_for_3_and_for_30_members(client):
    small = page_counts(client, 3)
    large = page_counts(client, 30)
    assert small == large, (small, large)
    assert max(large.values()) <= 22, large
