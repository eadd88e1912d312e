"""A citizen fills in their profile, needs and times, adds a helper, and sees their data."""

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


def test_profile_needs_times_helper_and_data(page):
    person = UserFactory(display_name="Asha")
    helper = UserFactory(display_name="Sunil")
    sign_in(page, person.email)
    page.goto("/account/")
    assert_accessible(page)

    page.get_by_role("link", name="Your profile: what you bring").click()
    assert_accessible(page)
    page.get_by_label("Lived experience").check()
    page.get_by_label("Tell people more about what you bring (optional)").fill(
        "I have used day services for ten years."
    )
    page.get_by_role("button", name="Save the profile").click()
    page.get_by_text("The profile has been saved.").wait_for()
    assert_accessible(page)

    page.goto("/account/contact-and-needs/")
    page.get_by_label("Text message").check()
    page.get_by_role("button", name="Save").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    page.get_by_label("Phone number (optional)").fill("07700 900123")
    page.get_by_label("A hearing loop").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("have been saved").wait_for()

    page.goto("/account/times/")
    page.get_by_label("Monday morning").check()
    page.get_by_role("button", name="Save the times").click()
    page.get_by_text("The times you can take part have been saved.").wait_for()
    assert page.get_by_label("Monday morning").is_checked()
    assert_accessible(page)

    page.goto("/account/someone-to-help/")
    page.get_by_label("Their email address").fill(helper.email)
    page.get_by_label("I agree that this person can act for me here").check()
    page.get_by_role("button", name="Add them").click()
    page.get_by_text("They can now act for you.").wait_for()
    assert_accessible(page)

    page.goto("/account/your-data/")
    assert "day services" in page.locator("main").inner_text()
    assert_accessible(page)
    page.goto("/account/delete/")
    assert_accessible(page)
    page.watch.assert_clean()
