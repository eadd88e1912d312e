"""A member answers the self-assessment; the evidence page then shows each group's median and the
gap between them - with axe (WCAG 2.2 AA) and no CSP violations or console errors (CFG-6)."""

import pytest

from copro.projects.assessment import QUESTIONS, self_assessment_record
from copro.projects.evidence.placement import placement_refresh
from copro.projects.models import Membership
from tests.browser.conftest import assert_accessible
from tests.people.factories import PASSWORD, UserFactory
from tests.projects.factories import D, DecisionFactory, MembershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# One answer per question that stands for step 4 (consult).
CONSULT_ANSWERS = [
    "When a plan was ready, to give their views on it",
    "The council, after asking for people's views",
    "They get an answer, but rarely change the plan",
    "Only surveys, questionnaires or feedback forms",
    "Staff",
]


def test_a_member_answers_and_the_evidence_page_shows_the_medians(page):
    # People who run or join projects as citizens need no second factor at sign-in.
    lead = UserFactory(display_name="Lena")
    citizen = UserFactory(display_name="Carl")
    project = ProjectFactory(
        title="Warm spaces this winter",
        stages=[("idea", D(2026, 9, 7)), ("design", D(2026, 10, 5))],
    )
    lead_membership = MembershipFactory(
        project=project,
        user=lead,
        kind=Membership.Kind.QUALIFICATION,
        role=Membership.Role.LEAD,
        joined_on=D(2026, 9, 7),
    )
    MembershipFactory(project=project, user=citizen, joined_on=D(2026, 10, 19))
    DecisionFactory(project=project, decided=True, stage="design", title="Which halls to open")
    # The lead sees the project as co-design: the answers nearest step 6 (6, 6, 5, 6, 5).
    codesign = {
        q.key: max((o for o in q.options if o.step <= 6), key=lambda o: o.step).key
        for q in QUESTIONS
    }
    self_assessment_record(project=project, membership=lead_membership, answers=codesign)
    placement_refresh(project=project)

    page.goto(f"/projects/{project.pk}/self-assessment/")
    page.get_by_label("Email address").fill(citizen.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Where do you think the project is?").wait_for()
    assert_accessible(page)

    # Sending it empty explains each question that needs an answer.
    page.get_by_role("button", name="Save my answers").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    assert page.title().startswith("Error:")
    assert_accessible(page)

    for answer in CONSULT_ANSWERS:
        page.get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Save my answers").click()
    page.get_by_text("Thank you. Your view has been saved.").wait_for()
    page.get_by_role("heading", name="How far power is shared", exact=True).wait_for()

    citizens = page.get_by_role("row", name="Experts by experience (citizens)")
    assert "Step 4: Consult" in citizens.inner_text()
    staff = page.get_by_role("row", name="Experts by qualification (staff)")
    assert "Step 6: Co-design" in staff.inner_text()
    page.get_by_text("Staff see this as co-design; citizens see it as consultation.").wait_for()
    current = page.locator(".app-staircase__step--current")
    assert current.get_attribute("aria-current") == "step"
    assert "The record puts the project here" in current.inner_text()
    page.get_by_text("Co-production is not:").first.wait_for()
    assert_accessible(page)
    page.watch.assert_clean()
