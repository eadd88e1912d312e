"""A citizen puts the staircase in order by keyboard and without JavaScript, checks in on the
tips and on values and skills twice, sees their growth chart, and keeps a private journal -
with axe on every page and no CSP violations."""

import datetime

import pytest
from django.utils import timezone

from copro.framework.models import StaircaseStep
from copro.learning.models import JournalEntry, OrderingAttempt, RecipeCheckIn, TipCheckIn
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


def test_staircase_ordering_works_without_javascript(page_without_js):
    # axe needs script timers, which do not run with JavaScript off: the same pages get axe
    # in the journey below, with JavaScript on.
    page = page_without_js
    citizen = UserFactory(display_name="Nia")
    steps = list(StaircaseStep.objects.order_by("order"))
    sign_in(page, citizen.email)
    page.goto("/learning/")
    page.get_by_role("link", name="Put the staircase in order").click()
    page.get_by_role("heading", name="Put the staircase in order").wait_for()
    # Swap the first two, to see feedback for a near miss.
    for position, step in enumerate([steps[1], steps[0], *steps[2:]], start=1):
        page.get_by_label(step.name, exact=True).select_option(f"Position {position}")
    page.get_by_role("button", name="Check my order").click()
    page.get_by_role("heading", name="You put 5 out of 7 steps in the right place").wait_for()
    assert OrderingAttempt.objects.get(person=citizen).score == 5
    page.get_by_role("link", name="Try the staircase again").click()
    page.get_by_role("button", name="Check my order").click()  # nothing chosen
    page.get_by_text("There is a problem").wait_for()
    assert OrderingAttempt.objects.count() == 1


def test_ordering_by_keyboard_tips_values_chart_and_journal(page):
    make_world()
    citizen = UserFactory(display_name="Carl")
    sign_in(page, citizen.email)
    page.goto("/learning/")
    assert_accessible(page)

    # Staircase by keyboard only: focus each select and type to choose.
    page.get_by_role("link", name="Put the staircase in order").click()
    assert_accessible(page)
    page.get_by_role("button", name="Check my order").click()
    page.get_by_text("There is a problem").wait_for()
    assert_accessible(page)
    for position, step in enumerate(StaircaseStep.objects.order_by("order"), start=1):
        page.get_by_label(step.name, exact=True).focus()
        page.get_by_label(step.name, exact=True).select_option(f"Position {position}")
    page.get_by_role("button", name="Check my order").focus()
    page.keyboard.press("Enter")
    page.get_by_text("every step is in the right place").wait_for()
    assert_accessible(page)

    # Tips: first everything needs more information, then a later check-in.
    page.goto("/learning/")
    page.get_by_role("link", name="Useful tips checklist").click()
    assert_accessible(page)
    page.get_by_role("link", name="Start the checklist").click()
    page.get_by_role("button", name="Save my answers").click()
    page.get_by_text("There is a problem").wait_for()
    assert_accessible(page)
    for box in page.get_by_label("I'd like more information").all():
        box.check()
    page.get_by_role("button", name="Save my answers").click()
    page.get_by_role("heading", name="Your tips check-in").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="The staircase of interaction").first.wait_for()
    TipCheckIn.objects.update(created_at=timezone.now() - datetime.timedelta(days=60))
    page.get_by_role("link", name="See how your answers have changed").click()
    page.get_by_role("link", name="Check in again").click()
    for box in page.get_by_label("I'm confident").all():
        box.check()
    page.get_by_role("button", name="Save my answers").click()
    page.get_by_role("link", name="See how your answers have changed").click()
    page.get_by_role("table").wait_for()
    assert_accessible(page)

    # Values and skills, twice, then the chart with its table.
    for choice in ("Not yet", "Confident"):
        page.goto("/learning/values-and-skills/")
        page.get_by_role("link", name="Rate yourself").click()
        for radio in page.get_by_label(choice, exact=True).all():
            radio.check()
        page.get_by_role("button", name="Save my ratings").click()
        page.get_by_role("heading", name="Your values and skills check-in").wait_for()
        if choice == "Not yet":  # a month ago, so the chart shows two dates
            RecipeCheckIn.objects.filter(person=citizen).update(
                created_at=timezone.now() - datetime.timedelta(days=30)
            )
    page.get_by_role("link", name="See how you have grown").click()
    page.get_by_role("img", name="How many values and skills you feel confident about").wait_for()
    assert_accessible(page)

    # The journal.
    page.get_by_role("link", name="Write in your reflection journal").click()
    assert_accessible(page)
    page.get_by_role("link", name="Write a reflection").click()
    page.get_by_label("Which question are you thinking about?").select_option(
        label="How do I react when someone challenges me or disagrees with me?"
    )
    page.get_by_label("Your reflection").fill("I listened first this time.")
    page.get_by_role("button", name="Save my reflection").click()
    page.get_by_text("I listened first this time.").wait_for()
    assert_accessible(page)
    assert JournalEntry.objects.get(person=citizen).reflection == "I listened first this time."
    page.watch.assert_clean()
