"""Plan a meeting, see suggested times, arrange access, invite, reply, record who came - with
axe on every page, and the same journey's key steps with JavaScript off."""

import datetime

import pytest
from django.utils import timezone

from copro.meetings import services
from copro.meetings.models import Arrangement, Attendance, Invitee, Meeting
from copro.people.models import AccessNeed, AvailableSlot, FormatNeed
from copro.projects import services as project_services
from copro.projects.models import Membership
from tests.browser.conftest import assert_accessible
from tests.browser.test_project_journey import sign_in, sign_out
from tests.people.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def a_project_with_a_citizen():
    lead = UserFactory(display_name="Lena")
    citizen = UserFactory(display_name="Carl")
    project = project_services.project_start(
        title="Warm spaces this winter",
        summary="Places people can keep warm.",
        service_area="",
        visibility="members",
        by=lead,
        lead_kind=Membership.Kind.QUALIFICATION,
    )
    project_services.member_add(
        project=project,
        user=citizen,
        kind="experience",
        role="member",
        joined_on=timezone.localdate(),
        by=lead,
    )
    for weekday in (1, 3):  # Carl can come on Tuesday and Thursday afternoons
        AvailableSlot.objects.create(user=citizen, weekday=weekday, part_of_day="afternoon")
    AccessNeed.objects.create(user=citizen, need="step_free")
    FormatNeed.objects.create(user=citizen, format="large_print")
    services.venue_save(
        by=lead,
        name="The Old Library",
        address="Market Square",
        how_to_get_there="Six steps up to the door.",
        features=["hearing_loop"],
        is_active=True,
    )
    services.venue_save(
        by=lead,
        name="Community Centre",
        address="Station Road",
        features=["step_free", "accessible_toilet"],
        is_active=True,
    )
    return lead, citizen, project


def test_plan_suggest_arrange_invite_reply_and_record_attendance(page):
    lead, citizen, project = a_project_with_a_citizen()
    base = f"/meetings/projects/{project.pk}/"

    sign_in(page, lead.email)
    page.goto(base)
    assert_accessible(page)

    # Suggested times: Carl's afternoons come first, each with its reason.
    page.get_by_role("link", name="Suggest times").click()
    assert_accessible(page)
    page.get_by_role("button", name="Suggest times").click()
    page.get_by_role("heading", name="Suggested times").wait_for()
    first = page.locator("ol.govuk-list--number > li").first
    assert "1 of the 2 people invited can come" in first.inner_text()
    assert "Tuesday" in first.inner_text() or "Thursday" in first.inner_text()
    assert_accessible(page)

    # Plan the meeting at the first suggested time, at the place with steps.
    first.get_by_role("link", name="Plan a meeting then").click()
    page.get_by_role("heading", name="Plan a meeting").wait_for()
    assert_accessible(page)
    page.get_by_label("Name of the meeting").fill("Which halls to open")
    page.get_by_label("To design together").check()
    page.get_by_label("How long will it last, in minutes?").fill("120")
    page.get_by_label("In person", exact=True).check()
    page.get_by_label("Where? (for people in the room)").select_option(label="The Old Library")
    page.get_by_role("button", name="Plan the meeting").click()
    page.get_by_text("The meeting has been planned.").wait_for()
    assert_accessible(page)
    meeting = Meeting.objects.get(title="Which halls to open")
    assert meeting.starts_at.astimezone(timezone.get_current_timezone()).weekday() in (1, 3)
    url = f"{base}{meeting.pk}/"

    # The agenda: too much for the time, and no break in a two-hour meeting.
    page.get_by_role("link", name="Agenda").click()
    assert_accessible(page)
    for title, minutes in (("Welcome", "20"), ("The halls", "110")):
        page.get_by_label("Agenda item", exact=True).fill(title)
        page.get_by_label("Minutes for it").fill(minutes)
        page.get_by_role("button", name="Add it to the agenda").click()
        page.get_by_text("The item has been added to the agenda.").wait_for()
    page.get_by_text(
        "The agenda needs 2 hours 10 minutes, but the meeting lasts 2 hours"
    ).wait_for()
    page.get_by_text("Plan a break of at least 10 minutes").wait_for()
    assert_accessible(page)

    # Invite Carl: his needs become the checklist, and the steps block.
    page.goto(url + "invite/")
    assert_accessible(page)
    page.get_by_label("Carl (expert by experience)").check()
    page.get_by_role("button", name="Send the invitations").click()
    page.get_by_text("1 person has been invited.").wait_for()
    page.goto(url + "access/")
    page.get_by_text(
        "Carl needs step-free access, but The Old Library does not have it."
    ).wait_for()
    assert page.get_by_text("Someone cannot get in.").count() == 1
    assert_accessible(page)

    # Move to the step-free place; the warning goes. Book the large-print papers.
    page.goto(url + "change/")
    assert_accessible(page)
    page.get_by_label("Where? (for people in the room)").select_option(label="Community Centre")
    page.get_by_role("button", name="Save the changes").click()
    page.get_by_text("The meeting has been changed.").wait_for()
    page.goto(url + "access/")
    assert page.get_by_text("Someone cannot get in.").count() == 0
    page.get_by_label("Status of Papers in large print for Carl").select_option("Booked")
    page.get_by_role("button", name="Save Papers in large print for Carl").click()
    page.get_by_text("Papers in large print: booked.").wait_for()
    assert_accessible(page)
    assert Arrangement.objects.get(meeting=meeting, key="format:large_print").status == "booked"
    sign_out(page)

    # Carl replies and asks for something for this meeting only.
    sign_in(page, citizen.email)
    page.goto(url)
    assert_accessible(page)
    page.get_by_label("Yes, I will come").check()
    page.get_by_role("button", name="Send my reply").click()
    page.get_by_text("Thank you. Your reply has been saved.").wait_for()
    page.get_by_role("link", name="Tell us what you need for this meeting").click()
    assert_accessible(page)
    page.get_by_label("Something else").check()
    page.get_by_label("Tell us more (optional)").fill("A chair with arms")
    page.get_by_role("button", name="Tell the organiser").click()
    page.get_by_text("The organiser will arrange it").wait_for()
    assert_accessible(page)
    page.goto("/meetings/calendar/")
    assert_accessible(page)
    sign_out(page)
    assert Invitee.objects.get(meeting=meeting, user=citizen).reply == "yes"

    # After the meeting, Lena records who came and for how long.
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    sign_in(page, lead.email)
    page.goto(url)
    assert_accessible(page)
    page.get_by_role("link", name="Record who came").click()
    assert_accessible(page)
    page.get_by_role("group", name="Did Carl come?").get_by_label("Came").check()
    page.get_by_label("How many minutes was Carl there? (optional)").fill("100")
    page.get_by_role("button", name="Save attendance").click()
    page.get_by_text("Attendance has been saved.").wait_for()
    assert_accessible(page)
    row = Attendance.objects.get(meeting=meeting, user=citizen)
    assert (row.status, row.minutes) == ("attended", 100)
    page.goto(url + "papers/")
    assert_accessible(page)
    page.goto(url + "notes/")
    assert_accessible(page)
    page.goto("/meetings/venues/")
    assert_accessible(page)
    page.watch.assert_clean()


def test_suggest_plan_and_reply_work_without_javascript(page_without_js):
    page = page_without_js
    lead, citizen, project = a_project_with_a_citizen()
    sign_in(page, lead.email)
    page.goto(f"/meetings/projects/{project.pk}/suggest-times/")
    page.get_by_role("button", name="Suggest times").click()
    page.locator("ol.govuk-list--number > li").first.get_by_role(
        "link", name="Plan a meeting then"
    ).click()
    page.get_by_label("Name of the meeting").fill("Tea and talk")
    page.get_by_label("To consult").check()
    page.get_by_label("Online", exact=True).check()
    page.get_by_label("Link to join online (for people online)").fill("https://meet.example.org/x")
    page.get_by_role("button", name="Plan the meeting").click()
    page.get_by_text("The meeting has been planned.").wait_for()
    assert Meeting.objects.filter(title="Tea and talk", format="online").exists()
