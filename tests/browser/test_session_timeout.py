"""AUTH-10 in the browser: a warning before the idle limit, "stay signed in", then sign-out."""

import pytest

from tests.browser.conftest import assert_accessible
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, email):
    page.goto("/account/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def test_auth10_warning_then_stay_signed_in(page, settings):
    settings.SESSION_IDLE_SECONDS = 123  # the warning comes 2 minutes before: after 3 seconds
    person = UserFactory()
    sign_in(page, person.email)
    page.goto("/account/")
    dialog = page.get_by_role("dialog", name="You will be signed out soon")
    dialog.wait_for(timeout=10_000)
    assert_accessible(page)
    # The dialog is modal: focus is inside it, on the button.
    assert page.evaluate("document.activeElement.textContent.trim()") == "Stay signed in"
    with page.expect_response("**/account/stay-signed-in/") as response:
        page.keyboard.press("Enter")
    assert response.value.status == 204
    assert not dialog.is_visible()
    page.watch.assert_clean()


def test_auth10_when_the_limit_passes_the_person_is_told_why(page, settings):
    settings.SESSION_IDLE_SECONDS = 8
    person = UserFactory()
    sign_in(page, person.email)
    page.goto("/account/")
    page.wait_for_url("**/account/sign-in/?timed_out=1*", timeout=15_000)
    assert "You were signed out because you had not done anything for a while" in (
        page.locator("main").inner_text()
    )
    assert_accessible(page)


def test_auth10_typed_text_comes_back_for_the_same_person_only(page, settings):
    """Issue 14: on a shared computer, what one person typed is never shown to the next."""
    settings.SESSION_IDLE_SECONDS = 8
    first, second = UserFactory(), UserFactory()
    sign_in(page, first.email)
    page.goto("/check-your-writing/")
    page.get_by_label("Paste your text").fill("A private note about my health")
    page.wait_for_url("**/account/sign-in/?timed_out=1*", timeout=15_000)
    sign_in(page, second.email)
    page.goto("/check-your-writing/")
    assert page.get_by_label("Paste your text").input_value() == ""
    assert page.evaluate("Object.keys(sessionStorage).length") == 0  # dropped, not kept
