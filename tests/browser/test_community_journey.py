"""Advice clinics and case studies in a real browser, with axe (WCAG 2.2 AA) on every page on
the way: an ambassador offers a clinic and a citizen books it; a member of staff writes up a
published project and compares it with another; and the same booking and comparison work with
JavaScript switched off."""

import datetime

import pytest
from django.utils import timezone

from copro.community.models import CaseStudy, ClinicBooking, ClinicSlot
from copro.meetings.models import Venue
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import sign_in, sign_out, visit
from tests.community.world import join, make_case_study, make_published_project, make_slot
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import confirmed_device

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_ambassador_offers_a_clinic_a_citizen_books_it_and_staff_compare_case_studies(page):
    ambassador = join(UserFactory(display_name="Amir"), "ambassadors-network")
    citizen = UserFactory(display_name="Carla")
    staff = UserFactory(display_name="Sam", role="staff")
    confirmed_device(staff)
    Venue.objects.create(name="Town Hall", address="1 High Street", features=["step_free"])
    day = timezone.localdate() + datetime.timedelta(days=8)

    sign_in(page, ambassador)
    visit(page, "/community/", "Advice clinics and case studies")
    page.get_by_role("link", name="Advice clinics", exact=True).click()
    page.get_by_role("heading", name="Advice clinics", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Offer a clinic").click()
    page.get_by_role("heading", name="Offer an advice clinic").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Publish the clinic").click()
    page.get_by_text("There is a problem").wait_for()
    assert_accessible(page)
    page.get_by_label("What can you help with?").fill("Paying people for their time")
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time").fill("14:30")
    page.get_by_label("How long, in minutes?").fill("45")
    page.get_by_label("In person, at a venue").check()
    page.get_by_label("Venue (for in person)").select_option(label="Town Hall")
    page.get_by_role("button", name="Publish the clinic").click()
    page.get_by_text("Your clinic is published").wait_for()
    assert_accessible(page)
    slot = ClinicSlot.objects.get(host=ambassador)
    assert slot.duration_minutes == 45 and slot.venue.name == "Town Hall"
    sign_out(page)

    sign_in(page, citizen)
    visit(page, "/community/clinics/", "Advice clinics")
    page.get_by_role("link", name="Paying people for their time").click()
    page.get_by_role("heading", name="Paying people for their time").wait_for()
    assert_accessible(page)
    page.get_by_label("What would you like help with? (optional)").fill("Time credits")
    page.get_by_role("button", name="Book this clinic").click()
    page.get_by_text("You have booked this clinic").first.wait_for()
    assert_accessible(page)
    booking = ClinicBooking.objects.get(slot=slot)
    assert booking.person == citizen and booking.question == "Time credits"
    with page.expect_download() as download:
        page.get_by_role("link", name="Add it to your calendar (.ics file)").click()
    assert download.value.suggested_filename == "advice-clinic.ics"
    sign_out(page)

    project = make_published_project(staff, title="Short breaks for carers")
    other = make_published_project(staff, title="Library opening hours")
    make_case_study(other, staff, design="Users joined once the options were set.")
    sign_in(page, staff)
    visit(page, "/community/case-studies/", "Case studies")
    page.get_by_role("link", name="Write a case study").click()
    page.get_by_role("heading", name="Write a case study").wait_for()
    assert_accessible(page)
    page.get_by_label("Short breaks for carers").check()
    page.get_by_label("What did the project set out to do?").fill("Proper rest for carers.")
    page.get_by_label("What you did at the design stage").fill("Carers wrote the rules.")
    page.get_by_label("Publish it for the Community of Practice and staff").check()
    page.get_by_role("button", name="Save the case study").click()
    page.get_by_role("heading", name="Short breaks for carers").wait_for()
    assert_accessible(page)
    assert CaseStudy.objects.get(project=project).is_published

    visit(page, "/community/case-studies/", "Case studies")
    page.get_by_label("Short breaks for carers").check()
    page.get_by_label("Library opening hours").check()
    page.get_by_role("button", name="Compare").click()
    page.get_by_role("heading", name="Compare case studies").wait_for()
    table = page.locator("table")
    assert "Carers wrote the rules." in table.inner_text()
    assert "Users joined once the options were set." in table.inner_text()
    assert table.get_by_role("rowheader", name="Step on the staircase").is_visible()
    assert_accessible(page)
    page.watch.assert_clean()


def test_booking_and_comparing_work_without_javascript(page_without_js):
    page = page_without_js
    ambassador = join(UserFactory(display_name="Amir"), "ambassadors-network")
    citizen = join(UserFactory(display_name="Carla"), "community-of-practice")
    staff = UserFactory(display_name="Sam", role="staff")
    slot = make_slot(ambassador, days=5, topic="Making meetings accessible")
    for title in ("Parks", "Schools"):
        make_case_study(make_published_project(staff, title=title), staff)

    sign_in(page, citizen)
    page.goto(f"/community/clinics/{slot.pk}/")
    page.get_by_role("button", name="Book this clinic").click()
    page.get_by_text("You have booked this clinic").first.wait_for()
    assert ClinicBooking.objects.get(slot=slot).person == citizen

    page.goto("/community/case-studies/")
    page.get_by_label("Parks").check()
    page.get_by_label("Schools").check()
    page.get_by_role("button", name="Compare").click()
    page.get_by_role("heading", name="Compare case studies").wait_for()
    assert page.locator("table th[scope=col]").count() == 2
    # No axe here: it is a script, and scripts are off (the journey above runs it).
