"""Readiness and audits in a browser, with axe: staff update a step of the seven steps, then
run an audit round - add people, score, agree an action, close and publish it. A citizen scores
a round with JavaScript switched off."""

import datetime

import pytest

from copro.readiness import services
from copro.readiness.models import AuditRound, AuditScore, AuditStatement, Readiness
from tests.browser.conftest import assert_accessible
from tests.browser.test_invite_journey import staff_signs_in_and_sets_up_two_step
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _score_every_statement(page, label: str) -> None:
    for fieldset in page.locator("form fieldset").all():
        fieldset.get_by_label(label).check()


def test_staff_update_readiness_and_run_an_audit_round(page):
    staff = UserFactory(email="sam.staff@example.org", display_name="Sam", role="staff")
    citizen = UserFactory(display_name="Carl")
    staff_signs_in_and_sets_up_two_step(page, staff)

    page.goto("/readiness/")
    page.get_by_role("heading", name="Are we ready for co-production?").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="1. Get senior leaders on board").click()
    page.get_by_role("heading", name="Get senior leaders on board").wait_for()
    assert_accessible(page)
    page.get_by_label("In progress").check()
    page.get_by_label("Who looks after this step? (optional)").select_option(label="Sam")
    page.get_by_label("Evidence (optional)").fill("The leader spoke at the staff conference.")
    page.get_by_label("When should we look at this again? (optional)").fill("2020-01-31")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Saved: Get senior leaders on board.").wait_for()
    assert page.get_by_text("Overdue").first.is_visible()
    assert page.get_by_role("cell", name="In progress").first.is_visible()
    assert_accessible(page)
    assert Readiness.objects.get(step__order=1).status == "in_progress"

    page.goto("/readiness/audits/")
    page.get_by_role("heading", name="Co-production audits").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Start a new round").click()
    page.get_by_role("button", name="Start the round").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Name of the round").fill("Winter audit")
    page.get_by_label("Date of the round").fill("2026-12-01")
    page.get_by_role("button", name="Start the round").click()
    page.get_by_role("heading", name="Who is taking part").wait_for()
    assert page.get_by_text(
        "Nobody in this round takes part as an expert by experience"
    ).is_visible()
    assert_accessible(page)
    for name in ("Carl", "Sam"):
        page.get_by_label("Who is taking part?").select_option(label=name)
        page.get_by_role("button", name="Add this person").click()
        page.get_by_text(f"{name} is taking part as an expert").wait_for()
    assert page.locator(".govuk-warning-text").count() == 0
    assert_accessible(page)

    page.get_by_role("link", name="Go to the round").click()
    page.get_by_role("button", name="Give your scores").click()
    page.get_by_role("heading", name="Your scores").wait_for()
    assert_accessible(page)
    _score_every_statement(page, "3 - Partly in place")
    page.get_by_role("button", name="Save my scores").click()
    page.get_by_text("Your scores are saved.").wait_for()
    assert page.get_by_text("1 of 2 people taking part").is_visible()
    assert page.locator("svg[role=img] title").text_content().startswith("Average score")
    assert_accessible(page)

    page.get_by_role("link", name="Add an agreed action").click()
    page.get_by_label("What did the group agree to do?").fill("Hold evening meetings too.")
    page.get_by_label("Who will do it? (optional)").select_option(label="Carl")
    page.get_by_label("By when?").fill("2027-02-28")
    page.get_by_role("button", name="Add the action").click()
    page.get_by_text("The action has been added.").wait_for()
    page.get_by_role("button", name="Close the round").click()
    page.get_by_text("The round is closed.").wait_for()
    page.get_by_role("button", name="Publish the results").click()
    page.get_by_text("The results are published").wait_for()
    assert page.get_by_text("Hold evening meetings too.").is_visible()
    assert_accessible(page)
    page.watch.assert_clean()
    found = AuditRound.objects.get(title="Winter audit")
    assert found.is_published
    assert AuditScore.objects.filter(participant__round=found).count() == (
        AuditStatement.objects.filter(is_active=True).count()
    )
    assert found.participants.get(person=citizen).kind == "experience"


def test_a_citizen_scores_a_round_without_javascript(page_without_js):
    page = page_without_js
    runner = UserFactory(display_name="Jo", role="staff")
    citizen = UserFactory(display_name="Carl")
    found = services.round_start(
        title="Spring audit", project=None, held_on=datetime.date(2026, 10, 1), by=runner
    )
    services.participant_add(round=found, person=citizen, by=runner)
    page.goto("/account/sign-in/")
    page.get_by_label("Email address").fill(citizen.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    page.goto(f"/readiness/audits/{found.pk}/score/")
    page.get_by_role("button", name="Save my scores").click()
    page.locator(".govuk-error-summary").wait_for()
    _score_every_statement(page, "4 - Mostly in place")
    page.get_by_role("button", name="Save my scores").click()
    page.get_by_text("Your scores are saved.").wait_for()
    assert page.get_by_text("1 of 1 people taking part").is_visible()
    assert "Nobody in this round takes part as an expert by qualification" in (
        page.locator("main").inner_text()
    )
    assert AuditScore.objects.filter(participant__person=citizen, score=4).count() == (
        AuditStatement.objects.filter(is_active=True).count()
    )
    # (axe needs JavaScript, so it runs on these pages in the journey above.)
