"""Start a project, add a citizen, decide together, raise an idea, answer it - with axe."""

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


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="You have signed out").wait_for()


def test_a_project_from_start_to_you_said_we_did(page, settings):
    settings.CITIZENS_CAN_START_PROJECTS = True  # a citizen runs it: no second factor needed
    lead = UserFactory(display_name="Lena")
    citizen = UserFactory(display_name="Carl")

    sign_in(page, lead.email)
    page.goto("/projects/")
    assert_accessible(page)
    page.get_by_role("link", name="Start a project").click()
    assert_accessible(page)
    page.get_by_label("Name of the project").fill("Warm spaces this winter")
    page.get_by_label("What is the project about?").fill("Places people can keep warm.")
    page.get_by_role("button", name="Start the project").click()
    page.get_by_role("heading", name="Members").wait_for()
    page.get_by_label("Their email address").fill(citizen.email)
    page.get_by_label("Expert by experience").check()
    page.get_by_role("button", name="Add them").click()
    page.get_by_text("has been added").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Back to Warm spaces this winter").click()
    assert_accessible(page)
    page.get_by_role("link", name="Start a decision").click()
    page.get_by_label("What needs deciding?").fill("Which halls to open")
    page.get_by_label("The proposal").fill("Open the three village halls on weekday afternoons.")
    page.get_by_label("Consent: it goes ahead unless").check()
    page.get_by_role("button", name="Open it for views").click()
    page.get_by_role("heading", name="Which halls to open").wait_for()
    decision_url = page.url
    assert_accessible(page)
    sign_out(page)

    sign_in(page, citizen.email)
    page.goto(decision_url)
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Give my view").click()
    page.get_by_text("Your view has been recorded.").wait_for()
    assert_accessible(page)
    page.goto(decision_url.split("/decisions/")[0] + "/you-said-we-did/")
    page.get_by_label("An idea").check()
    page.get_by_label("Tell us").fill("Ask the bus company to stop near the halls.")
    page.get_by_role("button", name="Send it").click()
    page.get_by_text("The project team will answer you.").wait_for()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, lead.email)
    page.goto(decision_url.split("/decisions/")[0] + "/you-said-we-did/")
    page.get_by_role("link", name="Answer").click()
    assert_accessible(page)
    page.get_by_label("Adopted: we did it").check()
    page.get_by_label("Your answer").fill("The 23 bus now stops outside two of the halls.")
    page.get_by_role("button", name="Save the answer").click()
    page.get_by_text("The 23 bus now stops").wait_for()
    assert_accessible(page)
    page.goto(decision_url)
    page.get_by_label("What was decided?").fill("Open all three halls.")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("The decision has been recorded.").wait_for()
    assert_accessible(page)
    page.watch.assert_clean()
