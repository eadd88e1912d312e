"""A project asks the Advisory Board; a board member answers; the asker sees the answer on the
project and their involvement record - every page checked with axe."""

import datetime

import pytest

from copro.framework.models import NetworkGroup
from copro.people.models import GroupMembership
from tests.browser.conftest import assert_accessible
from tests.people.factories import PASSWORD, UserFactory
from tests.projects.factories import MembershipFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, email):
    page.goto("/account/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_ask_the_board_get_an_answer_and_see_the_record(page):
    asker = UserFactory(display_name="Asha")
    membership = MembershipFactory(user=asker, project__title="Short breaks for carers")
    project = membership.project
    board = UserFactory(display_name="Bea")
    GroupMembership.objects.create(
        group=NetworkGroup.objects.get(slug="advisory-board"),
        user=board,
        joined_on=datetime.date(2026, 1, 1),
    )

    sign_in(page, asker.email)
    page.goto(f"/projects/{project.pk}/")
    page.get_by_role("link", name="Advice from the Advisory Board").click()
    assert_accessible(page)
    page.get_by_role("button", name="Send the question").click()
    page.locator(".govuk-error-summary").wait_for()
    assert_accessible(page)
    page.get_by_label("Your question for the Advisory Board").fill(
        "How can carers who cannot leave home take part?"
    )
    page.get_by_role("button", name="Send the question").click()
    page.get_by_text("Your question has gone to the Advisory Board.").wait_for()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, board.email)
    page.goto("/account/")
    page.get_by_role("link", name="Questions for the Advisory Board").click()
    assert_accessible(page)
    page.get_by_role("link", name="Short breaks for carers").click()
    assert_accessible(page)
    page.get_by_label("Your answer").fill("Offer a phone option and pay for replacement care.")
    page.get_by_role("button", name="Send your answer").click()
    page.get_by_text("Your answer is on the project's page.").wait_for()
    sign_out(page)

    sign_in(page, asker.email)
    page.goto(f"/projects/{project.pk}/advice/")
    page.get_by_text("Offer a phone option and pay for replacement care.").wait_for()
    page.goto("/account/")
    page.get_by_role("link", name="Your involvement record").click()
    page.get_by_text("Short breaks for carers").first.wait_for()
    assert_accessible(page)
