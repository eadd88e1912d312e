"""Issue 17: an ambassador schedules a Level 2 session, a citizen books it, and on the day the
ambassador adds someone who walked in and marks who came - no admin site, every step a plain
form that needs no JavaScript, axe on every page."""

import datetime

import pytest
from django.utils import timezone

from copro.learning.models import Booking, TrainingSession
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import sign_in
from tests.learning.world import make_world
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_ambassador_schedules_level_2_and_runs_the_register(page):
    world = make_world()
    citizen = UserFactory(display_name="Carl")
    walker = UserFactory(display_name="Wren", email="wren@example.org")

    sign_in(page, world.ambassador)
    page.goto("/learning/sessions/running/")
    page.get_by_role("button", name="Schedule a session").click()
    page.get_by_role("heading", name="Schedule a training session").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Schedule the session").click()
    page.get_by_text("There is a problem").wait_for()
    assert_accessible(page)
    page.get_by_label("Which level?").select_option(label=world.level_2.name)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.get_by_label("Date").fill(tomorrow.isoformat())
    page.get_by_label("Start time").fill("18:00")
    page.get_by_label("Venue").select_option(label=world.venue.name)
    page.get_by_label("How many places?").fill("8")
    page.get_by_role("button", name="Schedule the session").click()
    page.get_by_text("The session is scheduled").wait_for()
    assert_accessible(page)
    session = TrainingSession.objects.get(date=tomorrow, capacity=8)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, citizen)
    page.goto(f"/learning/sessions/{session.pk}/")
    page.get_by_role("button", name="Book a place").click()
    page.get_by_role("button", name="Yes, book this session").click()
    page.get_by_text("You have a place on this session.").first.wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    # The day of the session comes (walk-ins are added on the day).
    TrainingSession.objects.filter(pk=session.pk).update(date=timezone.localdate())
    sign_in(page, world.ambassador)
    page.goto(f"/learning/sessions/{session.pk}/")
    page.get_by_role("link", name="Record who came and who completed it").click()
    page.get_by_role("link", name="Add someone who walked in").click()
    assert_accessible(page)
    page.get_by_label("Email address of the person who came").fill("wren@example.org")
    page.get_by_role("button", name="Add to the register").click()
    page.get_by_text("Wren is on the register.").wait_for()
    assert_accessible(page)
    page.locator("fieldset").first.get_by_label("Carl").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Attendance and completion have been saved.").wait_for()

    assert Booking.objects.get(session=session, person=citizen).attended
    assert Booking.objects.get(session=session, person=walker).attended
    page.watch.assert_clean()
