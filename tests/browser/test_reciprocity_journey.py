"""Something back for coming: a citizen says how she wants to be thanked and claims a bus fare
with its receipt; attendance at a meeting proposes her reward; a member of staff confirms it;
an administrator (someone else: separation of duties) approves the payment, sends it to
finance and marks it paid; the citizen sees it in "My thanks". Axe (WCAG 2.2 AA) runs on every
/thanks/ page a citizen, a member of staff and an administrator see on the way.

Staff and administrators sign in with their password and the code from their authenticator
app (AUTH-5), computed here from the device the test gave them.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from copro.meetings.models import Attendance, Meeting
from copro.reciprocity import db_guards, services
from copro.reciprocity.models import ActivityType, PaymentClaim, Rate, Reward
from tests.browser.conftest import assert_accessible
from tests.browser.helpers import sign_in, sign_out, visit
from tests.people.factories import UserFactory
from tests.people.mfa_helpers import confirmed_device
from tests.projects.factories import MembershipFactory, ProjectFactory
from tests.reciprocity.conftest import A_PDF

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _ledger_emptied_afterwards(transactional_db):
    """The ledger refuses DELETE (LED-2), and on SQLite the flush between live-server tests
    deletes row by row. So empty the tables here with the guard lifted, and put it back."""
    yield
    db_guards.remove(connection)
    try:
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    finally:
        db_guards.restore(connection)


@pytest.fixture
def cast():
    staff = UserFactory(display_name="Sam", role="staff")
    admin = UserFactory(display_name="Ada", role="administrator")
    citizen = UserFactory(display_name="Carla")
    for person in (staff, admin):
        confirmed_device(person)  # both set up two-step sign-in earlier
    meeting_activity = ActivityType.objects.create(
        code="meeting", name="Attending a meeting", order=1
    )
    Rate.objects.create(
        activity_type=meeting_activity,
        effective_from=datetime.date(2020, 4, 6),
        pay_basis=Rate.PayBasis.PER_HOUR,
        pay_pence=1500,
        credits_per_hour=1,
    )
    project = ProjectFactory(title="Warm spaces this winter")
    MembershipFactory(project=project, user=citizen, kind="experience")
    return {"staff": staff, "admin": admin, "citizen": citizen, "project": project}


def attendance_recorded(cast) -> Reward:
    """What the meetings app does when the organiser records who came."""
    meeting = Meeting.objects.create(
        project=cast["project"],
        title="Planning meeting",
        starts_at=timezone.now() - datetime.timedelta(days=2),
        duration_minutes=90,
        format="online",
        online_link="https://meet.example.org/warm",
        purpose="co-design",
    )
    came = Attendance.objects.create(
        meeting=meeting, user=cast["citizen"], status="attended", minutes=90, kind="experience"
    )
    (reward,) = services.rewards_propose_for_meeting_attendance(
        attendances=[came], by=cast["staff"]
    )
    return reward


def citizen_chooses_and_claims_a_bus_fare(page, citizen, tmp_path):
    sign_in(page, citizen)
    visit(page, "/thanks/", "My thanks")
    visit(page, "/thanks/how-to-thank-me/", "How would you like to be thanked?")
    page.get_by_label("Payment for my time").check()
    page.get_by_role("button", name="Save my choice").click()
    page.get_by_text("Your choice has been saved.").wait_for()
    assert_accessible(page)
    visit(page, "/thanks/rates/", "What the council gives for your time")
    visit(page, "/thanks/offers/", "Spend your time credits")

    visit(page, "/thanks/expenses/new/", "Claim back what it cost you")
    page.get_by_label("Travel").check()
    page.get_by_label("Tell us about it").fill("Bus to the planning meeting and back")
    page.get_by_label("How much did it cost?").fill("4.80")
    fake = tmp_path / "ticket.jpg"
    fake.write_bytes(b"<html><script>alert(1)</script></html>")
    page.get_by_label("Upload your receipt or ticket (optional)").set_input_files(str(fake))
    page.get_by_role("button", name="Send it").click()
    page.locator(".govuk-error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert (
        "must be a PDF, a photo (JPEG) or a picture (PNG)"
        in page.locator("#id_receipt-error").inner_text()
    )
    assert_accessible(page)
    receipt = tmp_path / "bus ticket.pdf"
    receipt.write_bytes(A_PDF)
    page.get_by_label("Upload your receipt or ticket (optional)").set_input_files(str(receipt))
    page.get_by_role("button", name="Send it").click()
    page.get_by_text("Your expense has been sent.").wait_for()
    assert_accessible(page)
    assert page.get_by_role("link", name="Download the receipt").count() == 1
    sign_out(page)


def staff_confirm_the_reward(page, cast, reward):
    sign_in(page, cast["staff"])
    visit(page, "/thanks/staff/rewards/", "Rewards to confirm")
    page.locator(f"a[href='/thanks/staff/rewards/{reward.pk}/']").click()
    page.get_by_role("heading", name="Confirm a reward").wait_for()
    assert_accessible(page)
    assert page.get_by_label("Payment for my time").is_checked()  # what Carla asked for
    page.get_by_role("button", name="Confirm the reward").click()
    page.get_by_role("heading", name="Rewards to confirm").wait_for()
    assert_accessible(page)
    claim = PaymentClaim.objects.get(reward=reward)
    assert claim.status == PaymentClaim.Status.SUBMITTED and claim.amount_pence == 2250

    visit(page, "/thanks/staff/claims/", "Payment claims")
    # Sam made the claim, so someone else must approve it (AZ-10): the page says so.
    visit(page, f"/thanks/claims/{claim.pk}/", claim.description)
    assert page.get_by_role("button", name="Approve the claim").count() == 0
    visit(page, "/thanks/staff/nobody-left-out/", "Nobody left out")
    visit(page, "/thanks/staff/people/", "Everyone's thanks")
    citizen = cast["citizen"]
    visit(page, f"/thanks/staff/people/{citizen.pk}/", "Carla")
    visit(page, f"/thanks/staff/people/{citizen.pk}/credits/", "Give time credits to Carla")
    visit(page, f"/thanks/staff/people/{citizen.pk}/recognition/", "Record recognition for Carla")
    page.get_by_label("Thank-you letter").check()
    page.get_by_label("Title").fill("Thank you for the warm spaces plan")
    page.get_by_role("button", name="Record it").click()
    page.get_by_text("Thank you for the warm spaces plan").first.wait_for()
    assert_accessible(page)

    visit(page, "/thanks/staff/expenses/", "Expenses")
    page.get_by_role("radio", name="Approve it", exact=True).check()
    page.get_by_role("button", name="Save the decision").click()
    page.get_by_role("heading", name="Expenses").wait_for()
    assert_accessible(page)
    visit(page, "/thanks/staff/exports/", "Send claims to finance")
    page.watch.assert_clean()
    sign_out(page)
    return claim


def administrator_approves_and_pays(page, cast, claim):
    sign_in(page, cast["admin"])
    visit(page, f"/thanks/claims/{claim.pk}/", claim.description)
    page.get_by_role("button", name="Approve the claim").click()
    page.get_by_text("Approved").first.wait_for()
    assert_accessible(page)
    visit(page, "/thanks/staff/exports/", "Send claims to finance")
    page.get_by_role("button", name="Make an export").click()
    page.get_by_role("link", name="Download the file for finance").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="as paid").click()
    page.get_by_text("Paid").first.wait_for()
    assert_accessible(page)
    claim.refresh_from_db()
    assert claim.status == PaymentClaim.Status.PAID

    visit(page, "/thanks/rates/", "What the council gives for your time")
    visit(page, "/thanks/rates/new/", "Set a new rate")
    visit(page, "/thanks/rates/activities/new/", "Add an activity")
    visit(page, "/thanks/staff/rewards/", "Rewards to confirm")
    sign_out(page)


def test_attendance_to_a_reward_the_citizen_sees(page, cast, tmp_path):
    citizen_chooses_and_claims_a_bus_fare(page, cast["citizen"], tmp_path)
    reward = attendance_recorded(cast)
    assert (reward.preference, reward.proposed_pay_pence) == ("payment", 2250)
    claim = staff_confirm_the_reward(page, cast, reward)
    administrator_approves_and_pays(page, cast, claim)

    sign_in(page, cast["citizen"])
    visit(page, "/thanks/", "My thanks")
    mine = page.locator("main").inner_text()
    assert "£22.50" in mine and "Paid" in mine
    assert "Thank you for the warm spaces plan" in mine
    assert "Approved, waiting to be paid" in mine  # the bus fare, on its own track
    visit(page, f"/thanks/claims/{claim.pk}/", claim.description)
    page.watch.assert_clean()


def test_an_administrator_can_open_a_correction_to_credits(page, cast):
    given = services.credits_issue(
        person=cast["citizen"],
        amount=3,
        idempotency_key="journey-credits",
        memo="For helping at the open day",
        by=cast["staff"],
    )
    sign_in(page, cast["admin"])
    visit(
        page, f"/thanks/staff/transactions/{given.pk}/correct/", "Correct a time-credit transaction"
    )
    visit(page, f"/thanks/staff/people/{cast['citizen'].pk}/", "Carla")
    page.watch.assert_clean()
