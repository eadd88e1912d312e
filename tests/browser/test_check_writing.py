"""Check your writing: paste, see findings, follow a finding to its place; with and without JS."""

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = (
    "We will utilise synergies going forward in order to leverage stakeholder input. "
    "The plan was approved by the board. Talk to the CQC if you are worried."
)


def test_check_pasted_text_and_follow_a_finding_by_keyboard(page):
    page.goto("/check-your-writing/")
    assert_accessible(page)
    page.get_by_label("Paste your text").fill(TEXT)
    page.get_by_role("button", name="Check my writing").click()
    page.get_by_role("heading", name="Results").wait_for()
    assert_accessible(page)
    first = page.locator("#findings a").first
    target = first.get_attribute("href")
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/check-your-writing/{target}")
    assert page.locator(target).is_visible()
    page.watch.assert_clean()


def test_check_works_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/check-your-writing/")
    page.get_by_label("Paste your text").fill(TEXT)
    page.get_by_role("button", name="Check my writing").click()
    page.get_by_role("heading", name="What to change").wait_for()
    assert page.locator("mark.app-finding--jargon").count() >= 4


def test_an_empty_check_shows_the_error_summary(page):
    page.goto("/check-your-writing/")
    page.get_by_role("button", name="Check my writing").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "Paste some text or upload a file to check" in summary.inner_text()
    assert_accessible(page)
