"""Issue 17: a resident, not signed in, reads a published case study and a published audit,
and takes the quiz - axe on every page; every page is plain HTML that needs no JavaScript."""

import pytest

from tests.browser.conftest import assert_accessible
from tests.community.world import make_case_study, make_published_project
from tests.people.factories import UserFactory
from tests.readiness.world import make_world as make_audit_world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_resident_reads_a_case_study_and_a_published_audit(page):
    staff = UserFactory(display_name="Sam", role="staff")
    study = make_case_study(make_published_project(staff, title="Short breaks"), staff)
    audits = make_audit_world()

    page.goto("/community/case-studies/")
    page.get_by_role("link", name="Short breaks").first.click()
    page.get_by_text("We met first.").wait_for()
    assert page.url.endswith(f"/community/case-studies/{study.pk}/")
    assert_accessible(page)

    page.goto("/readiness/audits/")
    assert_accessible(page)
    page.get_by_role("link", name="Spring audit").click()
    page.get_by_role("heading", name="Results").wait_for()
    assert_accessible(page)
    assert audits.published_round.title in page.content()

    page.goto("/learning/quiz/")
    page.get_by_role("heading", name="Test what you know").wait_for()
    assert_accessible(page)
    page.watch.assert_clean()
