"""A member of staff plans a meeting of the Advisory Board and an open event; a board member
replies; someone from outside signs up to the open event, the last place goes and the next
person joins the waiting list - with axe on every page, and signing up with JavaScript off."""

import datetime

import pytest
from django.utils import timezone

from copro.framework.models import NetworkGroup
from copro.meetings import services
from copro.meetings.models import Invitee, Meeting
from copro.people.models import GroupMembership, Profile
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import sign_in, sign_out
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import confirmed_device

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def a_board():
    staff = UserFactory(display_name="Sam", role="staff")
    confirmed_device(staff)  # staff sign in with a code from their app
    member = UserFactory(display_name="Bea")
    outsider = UserFactory(display_name="Olu")
    board, _ = NetworkGroup.objects.get_or_create(
        slug="advisory-board",
        defaults={"name": "Advisory Board", "order": 1, "description": "Advises."},
    )
    Profile.objects.update_or_create(user=member, defaults={"takes_part_as": "experience"})
    GroupMembership.objects.create(group=board, user=member, joined_on=datetime.date(2026, 1, 1))
    services.venue_save(
        by=staff,
        name="Community Centre",
        address="Station Road",
        features=["step_free", "accessible_toilet"],
        is_active=True,
    )
    return staff, member, outsider, board


def test_staff_plan_a_board_meeting_and_an_open_event_people_reply_and_sign_up(page):
    staff, member, outsider, board = a_board()
    day = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()

    sign_in(page, staff)
    page.goto("/meetings/")
    assert_accessible(page)
    page.get_by_role("link", name="Advisory Board").click()
    page.get_by_role("heading", name="Meetings", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Plan a meeting").click()
    assert_accessible(page)
    page.get_by_label("Name of the meeting").fill("Board: spring review")
    page.get_by_label("To decide together").check()
    page.get_by_label("Date").fill(day)
    page.get_by_label("Start time").fill("14:00")
    page.get_by_label("How long will it last, in minutes?").fill("120")
    page.get_by_label("In person", exact=True).check()
    page.get_by_label("Where? (for people in the room)").select_option(label="Community Centre")
    page.get_by_role("button", name="Plan the meeting").click()
    page.get_by_role("heading", name="Board: spring review").wait_for()
    assert "Advisory Board: a meeting" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Invite people").click()
    assert_accessible(page)
    page.get_by_label("Bea (expert by experience)").check()
    page.get_by_role("button", name="Send the invitations").click()
    page.get_by_text("1 person has been invited").wait_for()

    # An open event of the board, with two places.
    page.goto(f"/meetings/groups/{board.pk}/plan/")
    page.get_by_label("Name of the meeting").fill("Meet the board")
    page.get_by_label("To inform").check()
    page.get_by_label("Date").fill(day)
    page.get_by_label("Start time").fill("11:00")
    page.get_by_label("How long will it last, in minutes?").fill("60")
    page.get_by_label("Online", exact=True).check()
    page.get_by_label("Link to join online (for people online)").fill("https://meet.example.org/b")
    page.get_by_label("This is an open event").check()
    page.get_by_label("Most people who can come (optional)").fill("1")
    page.get_by_role("button", name="Plan the meeting").click()
    page.get_by_role("heading", name="Meet the board").wait_for()
    assert_accessible(page)
    sign_out(page)

    # The board member replies to the board's meeting.
    sign_in(page, member)
    page.goto("/meetings/")
    page.get_by_role("link", name="Board: spring review").click()
    page.get_by_role("heading", name="Your reply").wait_for()
    assert_accessible(page)
    page.get_by_label("Yes, I will come").check()
    page.get_by_role("button", name="Send my reply").click()
    page.get_by_text("Your reply has been saved").wait_for()
    # ... and takes the open event's only place.
    page.goto("/meetings/open-events/")
    assert_accessible(page)
    page.get_by_role("link", name="Meet the board").click()
    page.get_by_role("button", name="Sign up for a place").click()
    page.get_by_text("You have a place").wait_for()
    assert_accessible(page)
    sign_out(page)

    # Someone outside the board cannot see the board's meeting, but can join the waiting list.
    sign_in(page, outsider)
    board_meeting = Meeting.objects.get(title="Board: spring review")
    response = page.goto(board_meeting.get_absolute_url())
    assert response.status == 404
    page.goto("/meetings/open-events/")
    assert "full: waiting list open" in page.content()
    page.get_by_role("link", name="Meet the board").click()
    assert "Bea" not in page.locator("main").inner_text()
    page.get_by_role("button", name="Join the waiting list").click()
    page.get_by_text("You are on the waiting list").first.wait_for()
    assert_accessible(page)

    event = Meeting.objects.get(title="Meet the board")
    assert dict(event.invitees.values_list("user__display_name", "reply")) == {
        "Bea": Invitee.Reply.YES,
        "Olu": Invitee.Reply.WAITING_LIST,
    }
    assert board_meeting.invitees.get(user=member).reply == Invitee.Reply.YES


def test_signing_up_to_an_open_event_works_without_javascript(page_without_js):
    staff, _member, outsider, board = a_board()
    event = services.meeting_plan(
        group=board,
        by=staff,
        title="Open evening",
        starts_at=timezone.now() + datetime.timedelta(days=5),
        duration_minutes=90,
        format="online",
        online_link="https://meet.example.org/e",
        purpose="inform",
        open_to_all=True,
    )
    page = page_without_js
    sign_in(page, outsider)
    page.goto(event.get_absolute_url())
    page.get_by_role("button", name="Sign up for a place").click()
    page.get_by_text("You have a place").wait_for()
    assert event.invitees.filter(user=outsider, reply="yes").exists()
