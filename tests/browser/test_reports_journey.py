"""Reports in a browser, with axe: the public reads a published project's report (with and
without JavaScript); staff pass two-step sign-in, read and filter the organisation dashboard
(also without JavaScript), and set up, change and stop a report sent by email."""

import pytest

from copro.projects.evidence.placement import placement_refresh
from copro.projects.models import Project
from tests.browser.conftest import assert_accessible
from tests.browser.test_invite_journey import staff_signs_in_and_sets_up_two_step
from tests.people.factories import UserFactory
from tests.projects.factories import D, project_with_history

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _published() -> Project:
    project = project_with_history(
        stages=(("idea", D(2026, 1, 12)), ("design", D(2026, 2, 9))),
        experts=6,
        decisions=(("design", True),),
        visibility=Project.Visibility.PUBLIC,
    )
    project.title = "Warm spaces"
    project.service_area = "Housing"
    project.save()
    placement_refresh(project=project)
    return project


def test_the_public_reads_a_published_project_report(page, page_without_js):
    project = _published()
    page.goto(f"/reports/projects/{project.pk}/")
    page.get_by_role("heading", name="Warm spaces").wait_for()
    page.get_by_role("heading", name="Who took part").wait_for()
    assert page.locator("svg[role=img]").count() == 1
    assert_accessible(page)
    page.watch.assert_clean()
    page_without_js.goto(f"/reports/projects/{project.pk}/")
    assert "fewer than 5" in page_without_js.locator("main").inner_text()


def test_staff_read_the_dashboard_and_filter_it(page):
    _published()
    staff = UserFactory(email="sam.staff@example.org", display_name="Sam", role="staff")
    staff_signs_in_and_sets_up_two_step(page, staff)
    page.goto("/reports/")
    page.get_by_role("heading", name="How the projects are doing").wait_for()
    # Steps, the trend over quarters, meetings, training and quiz results.
    assert page.locator("svg[role=img]").count() == 5
    assert_accessible(page)
    page.get_by_label("Service area").select_option("Housing")
    page.get_by_role("button", name="Show figures").click()
    page.get_by_text("the 1 project in Housing").wait_for()
    assert_accessible(page)
    page.watch.assert_clean()


def test_the_dashboard_filters_work_without_javascript(page, page_without_js):
    _published()
    staff = UserFactory(email="sam.staff@example.org", display_name="Sam", role="staff")
    # Two-step set-up runs axe, which needs JavaScript: sign in there, then carry the session
    # over to the browser without JavaScript.
    staff_signs_in_and_sets_up_two_step(page, staff)
    page_without_js.context.add_cookies(page.context.cookies())
    page_without_js.goto("/reports/?period=not-a-period")
    page_without_js.get_by_text("There is a problem").wait_for()
    assert "Choose a period from the list" in page_without_js.locator("main").inner_text()
    page_without_js.get_by_label("Service area").select_option("Housing")
    page_without_js.get_by_label("Period").select_option(index=1)
    page_without_js.get_by_role("button", name="Show figures").click()
    page_without_js.get_by_text("the 1 project in Housing").wait_for()
    assert "There is a problem" not in page_without_js.locator("main").inner_text()


def test_staff_set_up_change_and_stop_a_scheduled_report(page):
    _published()
    staff = UserFactory(email="sam.staff@example.org", display_name="Sam", role="staff")
    staff_signs_in_and_sets_up_two_step(page, staff)
    page.goto("/reports/")
    page.get_by_role("link", name="Reports sent by email on a schedule").click()
    page.get_by_role("heading", name="Reports sent by email").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Set up a report").click()
    page.get_by_role("button", name="Set up the report").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    page.get_by_label("Which report").select_option(label="Project: Warm spaces")
    page.get_by_label("Every quarter (3 months)").check()
    page.get_by_label("Who to send it to").fill("carol@example.org\ndev@example.org")
    page.get_by_role("button", name="Set up the report").click()
    page.get_by_text("The report will be sent on this schedule.").wait_for()
    page.get_by_text("No report has been sent yet.").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Change").click()
    page.get_by_label("Every month").check()
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Your changes are saved.").wait_for()
    page.get_by_role("link", name="Stop sending").click()
    page.get_by_role(
        "heading", name="Are you sure you want to stop sending this report?"
    ).wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, stop sending it").click()
    page.get_by_text("The report will not be sent again.").wait_for()
    assert_accessible(page)
    page.watch.assert_clean()
