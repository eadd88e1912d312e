"""Sign in by keyboard, see a failure explained, succeed, sign out (with and without JS)."""

import pytest

from tests.browser.conftest import assert_accessible
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_sign_in_failure_then_success_by_keyboard(page):
    person = UserFactory(email="keyboard@example.org", display_name="Kay")
    page.goto("/account/sign-in/")
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill("not my password")
    page.get_by_label("Password").press("Enter")
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "The email address or password is not right" in summary.inner_text()
    # GOV.UK Frontend moves focus to the error summary so screen readers announce it.
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    assert "Signed in as Kay" in page.locator("header").inner_text()
    assert_accessible(page)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Your account").click()
    page.get_by_role("heading", name="Your account", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="See where you are signed in").click()
    page.get_by_role("heading", name="Where you are signed in").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Change your password").click()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="You have signed out").wait_for()
    assert_accessible(page)
    page.watch.assert_clean()


def test_sign_in_works_without_javascript(page_without_js):
    person = UserFactory(email="nojs@example.org", display_name="Noor")
    page = page_without_js
    page.goto("/account/sign-in/")
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    assert "Signed in as Noor" in page.locator("header").inner_text()
