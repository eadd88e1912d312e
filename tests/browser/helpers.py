"""Steps many browser journeys share: signing in (with the two-step code for staff), signing
out, and opening a page checked with axe."""

from tests.browser.conftest import assert_accessible
from tests.people.factories import PASSWORD
from tests.people.mfa_helpers import confirmed_device, current_code


def sign_in(page, person):
    page.goto("/account/sign-in/")
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if person.needs_second_factor:
        page.get_by_role("heading", name="Enter your code").wait_for()
        page.get_by_label("Code").fill(current_code(confirmed_device(person)))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/")


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="You have signed out").wait_for()


def visit(page, path, heading):
    page.goto(path)
    page.get_by_role("heading", name=heading, exact=True).first.wait_for()
    assert_accessible(page)
