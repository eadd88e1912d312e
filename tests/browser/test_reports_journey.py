"""Reports in a browser, with axe: the public reads a published project's report (with and
without JavaScript); staff pass two-step sign-in and read the organisation dashboard."""

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
    assert page.locator("svg[role=img]").count() == 2
    assert_accessible(page)
    page.get_by_label("Service area").select_option("Housing")
    page.get_by_role("button", name="Show figures").click()
    page.get_by_text("the 1 project in Housing").wait_for()
    assert_accessible(page)
    page.watch.assert_clean()
