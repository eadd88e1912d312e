"""IO-8: calendar injection. Titles and places with newlines, semicolons, commas and colons
go through icalendar's escaping: parsed back they are equal, and add no property. Plus the
private feed: secret stored hashed, revocable, scoped to what the person may see (AZ-7)."""

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from copro.meetings import services
from copro.meetings.ics import CalendarEvent, build, clean
from copro.meetings.models import CalendarFeed
from tests.meetings.world import plan

EXPECTED = {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "URL"}
PIECES = st.sampled_from(
    [
        *'ab ;:,\\"\r\n\t=',
        "ATTENDEE:mailto:x@evil.example",
        "URL:https://evil.example",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "\r\n ",
    ]
)
HOSTILE = st.lists(PIECES, min_size=1, max_size=12).map("".join) | st.text(min_size=1, max_size=60)


def parse_events(body: bytes):
    return Calendar.from_ical(body).walk("VEVENT")


@given(title=HOSTILE, place=HOSTILE, description=HOSTILE)
def test_io8_titles_and_places_round_trip_without_extra_properties(title, place, description):
    starts = datetime(2027, 3, 1, 10, tzinfo=UTC)
    event = CalendarEvent(
        uid="meeting-1@example.org",
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=90),
        location=place,
        description=description,
        url="https://example.org/meetings/projects/1/1/",
    )
    body = build([event], name=title)
    calendar = Calendar.from_ical(body)
    assert set(calendar.keys()) <= {"PRODID", "VERSION", "CALSCALE", "METHOD", "X-WR-CALNAME"}
    (parsed,) = calendar.walk("VEVENT")
    present = set(parsed.keys())
    assert present <= EXPECTED
    assert {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"} <= present
    assert str(parsed["SUMMARY"]) == clean(title)
    if clean(place):
        assert str(parsed["LOCATION"]) == clean(place)
    assert str(parsed["DESCRIPTION"]) == clean(description) if clean(description) else True
    assert str(parsed["URL"]) == event.url
    assert parsed.decoded("DTSTART") == starts  # UTC, no time-zone block needed
    assert "ATTENDEE" not in parsed and "ORGANIZER" not in parsed


def test_io8_a_title_with_a_line_break_and_attendee_stays_one_summary():
    starts = datetime(2027, 3, 1, 10, tzinfo=UTC)
    title = "Tea\r\nATTENDEE;CN=x:mailto:evil@example.org\r\nURL:https://evil.example"
    body = build(
        [CalendarEvent("u@x", title, starts, starts + timedelta(hours=1), "Hall; room 2", "", "")]
    )
    assert b"\r\nATTENDEE" not in body and b"\r\nURL:https://evil" not in body
    (parsed,) = parse_events(body)
    assert set(parsed.keys()) == {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION"}
    assert str(parsed["LOCATION"]) == "Hall; room 2"


@pytest.mark.django_db
def test_io8_a_meeting_with_a_hostile_title_downloads_as_valid_ics(client, mworld):
    mworld.meeting_a.title = 'Budget; review\nATTENDEE:mailto:x@evil.example, "quoted"'
    mworld.meeting_a.save()
    client.force_login(mworld.citizen_a)
    response = client.get(
        f"/meetings/projects/{mworld.project_a.pk}/{mworld.meeting_a.pk}/meeting.ics"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment")
    (event,) = parse_events(response.content)
    assert str(event["SUMMARY"]) == mworld.meeting_a.title
    assert str(event["LOCATION"]).startswith("Town Hall")
    assert "ATTENDEE" not in event


@pytest.mark.django_db
def test_az7_the_meeting_ics_of_another_project_is_404(client, mworld):
    client.force_login(mworld.citizen_a)
    for project, meeting in [
        (mworld.project_b, mworld.meeting_b),
        (mworld.project_a, mworld.meeting_b),
    ]:
        response = client.get(f"/meetings/projects/{project.pk}/{meeting.pk}/meeting.ics")
        assert response.status_code == 404
        assert b"Meeting B" not in response.content


def _feed_token(client) -> str:
    client.post("/meetings/calendar/", {"action": "new"})
    body = client.get("/meetings/calendar/").content.decode()
    return body.split("/meetings/calendar/")[1].split(".ics")[0]


@pytest.mark.django_db
def test_the_private_feed_is_stored_hashed_shown_once_and_revocable(client, mworld):
    client.force_login(mworld.citizen_a)
    token = _feed_token(client)
    assert len(token) >= 43  # 32 random bytes
    row = CalendarFeed.objects.get(user=mworld.citizen_a)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in row.token_hash
    assert token not in client.get("/meetings/calendar/").content.decode()  # shown once

    anonymous = type(client)()
    response = anonymous.get(f"/meetings/calendar/{token}.ics")
    assert response.status_code == 200
    assert [str(e["SUMMARY"]) for e in parse_events(response.content)] == ["Meeting A"]

    client.post("/meetings/calendar/", {"action": "stop"})
    assert anonymous.get(f"/meetings/calendar/{token}.ics").status_code == 404


@pytest.mark.django_db
def test_az7_the_feed_holds_exactly_the_meetings_the_person_may_see(client, mworld):
    """Invited to A and, by mistake, to B's meeting too: the feed shows only what the person may
    see now. Replies of no drop out; leaving the project takes its meetings away (AZ-13)."""
    from copro.meetings.models import Invitee
    from copro.meetings.permissions import meeting_list_visible

    Invitee.objects.create(meeting=mworld.meeting_b, user=mworld.citizen_a, kind="experience")
    second = plan(mworld.project_a, mworld.lead_a, mworld.venue, title="Second A")
    services.invitees_add(meeting=second, users=[mworld.citizen_a], by=mworld.lead_a)
    token = services.calendar_feed_create(user=mworld.citizen_a)
    anonymous = type(client)()

    def titles():
        body = anonymous.get(f"/meetings/calendar/{token}.ics").content
        return sorted(str(e["SUMMARY"]) for e in parse_events(body))

    visible = set(meeting_list_visible(viewer=mworld.citizen_a).values_list("title", flat=True))
    assert set(titles()) <= visible
    assert titles() == ["Meeting A", "Second A"]
    services.invitation_reply(invitee=second.invitees.get(), reply="no", by=mworld.citizen_a)
    assert titles() == ["Meeting A"]
    membership = mworld.citizen_a.project_memberships.get()
    membership.left_on = membership.joined_on
    membership.save()
    assert titles() == []


@pytest.mark.django_db
def test_a_wrong_feed_token_is_404(client, db):
    assert client.get("/meetings/calendar/not-a-real-token.ics").status_code == 404
