"""A citizen books a training session, takes the quiz and reads the feedback - with axe."""

import pytest

from copro.learning.models import Booking
from tests.browser.conftest import assert_accessible
from tests.learning.world import make_world
from tests.people.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, email):
    page.goto("/account/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def test_a_citizen_books_training_and_takes_the_quiz(page):
    world = make_world()
    citizen = UserFactory(display_name="Carl")

    sign_in(page, citizen.email)
    page.goto("/learning/")
    page.get_by_role("heading", name="Learning and training").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Level 2: Co-production in practice").click()
    assert_accessible(page)
    page.get_by_role("button", name="Book a place").click()
    page.get_by_role("heading", name="Are you sure you want to book Level 2").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="No, choose an earlier level").click()
    page.get_by_role("link", name="Level 1: What is co-production?").click()
    page.get_by_role("button", name="Book a place").click()
    page.get_by_text("You have a place on this session.").first.wait_for()
    assert_accessible(page)
    assert Booking.objects.get(person=citizen).session == world.session_1

    page.goto("/learning/")
    page.get_by_role("link", name="Take the quiz").click()
    assert_accessible(page)
    page.get_by_role("button", name="Check my answers").click()
    page.get_by_text("There is a problem").wait_for()
    assert_accessible(page)
    page.get_by_label("In co-production, power is shared equally from beginning to end").check()
    for fieldset in page.locator("fieldset").all():
        boxes = fieldset.locator("input")
        if not fieldset.locator("input:checked").count():
            boxes.first.check()  # the first option: right for some, wrong for others
    page.get_by_role("button", name="Check my answers").click()
    page.get_by_role("heading", name="out of").wait_for()
    assert page.get_by_text("Not quite").first.is_visible()
    assert page.get_by_text("Asking for views on a plan that is already made").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Take the quiz again").click()
    page.get_by_role("heading", name="Your scores").wait_for()
    assert_accessible(page)

    page.goto("/learning/toolkit/")
    page.get_by_role("heading", name="The toolkit opens when you complete Level 3").wait_for()
    assert_accessible(page)
    page.watch.assert_clean(expected_status=403)
