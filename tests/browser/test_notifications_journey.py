"""Issue 16: a meeting is moved, and a text-message-only person and a post-only person are
reached by their routes - the local GOV.UK Notify store and the "to post" queue show it - with
axe on every page, and the same key steps with JavaScript off."""

import datetime

import pytest
from django.utils import timezone

from copro.meetings import services
from copro.notifications.models import Delivery, LocalTextMessage
from copro.people.models import FormatNeed, Profile
from copro.projects import services as project_services
from copro.projects.models import Membership
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import sign_in, sign_out, visit
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import confirmed_device

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def a_meeting_with_a_texter_and_a_writer():
    lead = UserFactory(display_name="Lena")
    texter = UserFactory(display_name="Tina")
    writer = UserFactory(display_name="Percy", email=None)
    Profile.objects.create(user=texter, contact_method="text", phone="07700 900982")
    Profile.objects.create(
        user=writer, contact_method="post", postal_address="4 Mill Lane\nWitney\nOX28 4AA"
    )
    FormatNeed.objects.create(user=writer, format="large_print")
    project = project_services.project_start(
        title="Warm spaces this winter",
        summary="Places people can keep warm.",
        service_area="",
        visibility="members",
        by=lead,
        lead_kind=Membership.Kind.QUALIFICATION,
    )
    for person in (texter, writer):
        project_services.member_add(
            project=project,
            user=person,
            kind="experience",
            role="member",
            joined_on=timezone.localdate(),
            by=lead,
        )
    meeting = services.meeting_plan(
        project=project,
        by=lead,
        title="Which halls to open",
        starts_at=timezone.now() + datetime.timedelta(days=10),
        duration_minutes=60,
        format="online",
        purpose="co-design",
        online_link="https://meet.example.org/halls",
    )
    services.invitees_add(meeting=meeting, users=[texter, writer], by=lead)
    staff = UserFactory(display_name="Stef", role="staff")
    confirmed_device(staff)  # staff sign in with a code from their app
    return lead, texter, writer, staff, meeting


def move_the_meeting(page, lead, meeting):
    sign_in(page, lead)
    page.goto(meeting.url("change"))
    page.get_by_label("Start time").fill("15:45")
    page.get_by_role("button", name="Save the changes").click()
    page.get_by_text("The meeting has been changed.").wait_for()


def test_a_moved_meeting_reaches_a_texter_and_a_writer_by_their_routes(page):
    lead, texter, writer, staff, meeting = a_meeting_with_a_texter_and_a_writer()
    sign_in(page, lead)
    visit(page, meeting.url("change"), "Change the meeting")
    page.get_by_label("Start time").fill("15:45")
    page.get_by_role("button", name="Save the changes").click()
    page.get_by_text("The meeting has been changed.").wait_for()
    assert_accessible(page)
    sign_out(page)

    # Staff see the text in the local Notify store, and print and post Percy's letter.
    sign_in(page, staff)
    visit(page, "/notifications/texts/", "Text messages and emails not sent yet")
    page.get_by_text(
        "Hello Tina. Working Together: a meeting you are invited to has changed"
    ).wait_for()
    visit(page, "/notifications/to-post/", "Letters to post")
    row = page.get_by_role("row").filter(has_text="Percy")
    letter = page.request.get(row.get_by_role("link").get_attribute("href"))
    assert letter.headers["content-type"] == "application/pdf"
    row.get_by_role("button", name="Mark as posted").click()
    page.get_by_text("The letter to Percy is marked as posted.").wait_for()
    page.get_by_text("There are no letters to post.").wait_for()
    assert_accessible(page)
    sign_out(page)

    # Tina sees what she was told, and how it reached her.
    sign_in(page, texter)
    visit(page, "/notifications/", "Your notifications")
    page.get_by_text("text message: sent").first.wait_for()
    visit(page, "/notifications/how-to-tell-you/", "How and when we tell you")
    page.watch.assert_clean()
    assert (
        LocalTextMessage.objects.filter(
            delivery__notification__recipient=texter, delivery__notification__kind="meeting_changed"
        ).count()
        == 1
    )
    assert (
        Delivery.objects.get(
            notification__recipient=writer, notification__kind="meeting_changed", channel="post"
        ).state
        == "sent"
    )


def test_moving_a_meeting_and_posting_work_without_javascript(page_without_js):
    page = page_without_js
    lead, texter, writer, staff, meeting = a_meeting_with_a_texter_and_a_writer()
    move_the_meeting(page, lead, meeting)
    sign_out(page)
    sign_in(page, staff)
    page.goto("/notifications/to-post/")
    page.get_by_role("row").filter(has_text="Percy").get_by_role(
        "button", name="Mark as posted"
    ).click()
    page.get_by_text("The letter to Percy is marked as posted.").wait_for()
    assert LocalTextMessage.objects.filter(delivery__notification__recipient=texter).exists()
