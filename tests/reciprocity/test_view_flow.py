"""The pages end to end: reward confirmed -> claim approved -> exported (IO-5, LED-15) -> paid,
with the money audit trail (LOG-5), rate changes (LED-12) and bounded queries on statements."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from copro.reciprocity import services
from copro.reciprocity.csv_safe import TRIGGERS, csv_text
from copro.reciprocity.models import MoneyAudit, PaymentClaim, Rate, Reward
from tests.reciprocity.world import make_world


@pytest.fixture
def world(db, activities):
    return make_world(activities)


def test_confirm_approve_export_and_pay_through_the_pages(client, world):
    world.sign_in(client, "staff")
    response = client.post(
        f"/thanks/staff/rewards/{world.reward.pk}/",
        {"given_as": "payment", "pay": "30.00", "credits": "", "reason": ""},
    )
    assert response.status_code == 302
    claim = PaymentClaim.objects.get(reward=world.reward)
    assert claim.amount_pence == 3000 and claim.status == "submitted"
    world.sign_in(client, "admin")
    client.post(f"/thanks/claims/{claim.pk}/approve/")
    export = client.post("/thanks/staff/exports/")
    batch_url = export["Location"]
    assert client.get(batch_url).status_code == 200
    first = client.get(batch_url + "download/")
    again = client.get(batch_url + "download/")
    assert first.content == again.content  # LED-15: the same file every time
    client.post(batch_url + "paid/", {"paid_on": str(timezone.localdate())})
    claim.refresh_from_db()
    assert claim.status == "paid"
    world.sign_in(client, "citizen")
    body = client.get("/thanks/").content.decode()
    assert "£30.00" in body and "Paid on" in body


def test_adjusting_a_reward_needs_a_reason_shown_beside_the_field(client, world):
    world.sign_in(client, "staff")
    response = client.post(
        f"/thanks/staff/rewards/{world.reward.pk}/",
        {"given_as": "time_credits", "credits": "9", "reason": ""},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and "Say why this is different" in body
    assert body.count("<title>Error: ") == 1
    world.reward.refresh_from_db()
    assert world.reward.status == "proposed"


# --- LOG-5 -----------------------------------------------------------------------------------


def test_log5_who_when_what_and_why_for_approve_pay_reverse_and_adjust(client, world):
    services.reward_confirm(
        reward=world.reward,
        given_as="time_credits",
        credits=7,
        reason="Stayed late",
        by=world.staff,
    )
    services.claim_approve(claim=world.claim, by=world.admin)
    services.claims_export(by=world.admin)
    services.claim_mark_paid(claim=world.claim, paid_on=timezone.localdate(), by=world.admin)
    services.transaction_reverse(
        transaction=world.credits, idempotency_key="log5", reason="Given twice", by=world.admin
    )
    trail = MoneyAudit.objects.filter(person=world.citizen)
    expected = {
        "reward_adjusted": (world.staff, "Stayed late"),
        "claim_approved": (world.admin, ""),
        "claim_paid": (world.admin, "Paid on"),
        "credits_reversed": (world.admin, "Given twice"),
    }
    for action, (who, why) in expected.items():
        row = trail.get(action=action)
        assert row.by == who and row.at is not None and why in row.reason
    # Visible to the person concerned.
    world.sign_in(client, "citizen")
    body = client.get("/thanks/").content.decode()
    assert "Stayed late" in body and "Given twice" in body and "Ada (administrator)" in body


def test_log5_the_audit_rows_are_append_only(world):
    from django.db import DatabaseError, transaction

    row = MoneyAudit.objects.filter(person=world.citizen).first()
    with pytest.raises(DatabaseError), transaction.atomic():
        MoneyAudit.objects.filter(pk=row.pk).update(reason="nothing to see")
    with pytest.raises(DatabaseError), transaction.atomic():
        MoneyAudit.objects.filter(pk=row.pk).delete()


# --- LED-12 ----------------------------------------------------------------------------------


def test_led12_a_rate_change_does_not_alter_past_rewards(client, world, activities):
    before = Reward.objects.values_list("pk", "proposed_pay_pence", "proposed_credits")
    before = list(before)
    world.sign_in(client, "admin")
    response = client.post(
        "/thanks/rates/new/",
        {
            "activity_type": activities["meeting"].pk,
            "effective_from": str(timezone.localdate()),
            "pay_basis": "per_hour",
            "pay": "40",
            "credits_per_hour": "5",
        },
    )
    assert response.status_code == 302
    assert (
        list(Reward.objects.values_list("pk", "proposed_pay_pence", "proposed_credits")) == before
    )
    # New activity from the effective date uses the new rate.
    new = services.reward_propose_for_attendance(
        person=world.other_citizen,
        project=None,
        activity_type="meeting",
        minutes=60,
        occurred_on=timezone.localdate(),
        source_key="led12:new",
        by=world.staff,
    )
    assert (new.proposed_pay_pence, new.proposed_credits) == (4000, 5)


def test_led12_a_rate_cannot_start_in_the_past(client, world, activities):
    world.sign_in(client, "admin")
    response = client.post(
        "/thanks/rates/new/",
        {
            "activity_type": activities["meeting"].pk,
            "effective_from": str(timezone.localdate() - datetime.timedelta(days=1)),
            "pay_basis": "per_hour",
            "pay": "40",
            "credits_per_hour": "5",
        },
    )
    assert "so that the past stays as it was" in response.content.decode()
    assert not Rate.objects.filter(pay_pence=4000).exists()


# --- IO-5 ------------------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


@settings(max_examples=200, deadline=None)
@given(cells=st.lists(st.one_of(TEXT, st.integers(-(10**12), 10**12)), min_size=1, max_size=6))
def test_io5_csv_cells_are_defused_and_round_trip(cells):
    text = csv_text(["h"] * len(cells), [cells])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 2
    for original, read in zip(cells, rows[1], strict=True):
        if isinstance(original, int):
            assert read == str(original)  # numbers stay numbers
            continue
        cleaned = original.replace("\x00", "")
        if cleaned.lstrip(" ").startswith(TRIGGERS) or cleaned.startswith(TRIGGERS):
            assert read == "'" + cleaned
        else:
            assert read == cleaned
        assert not read.lstrip(" ").startswith(TRIGGERS)


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\tx", "\rx", "  =1", "a\x00b"]
)
def test_io5_a_hostile_name_in_the_finance_export_is_defused(client, world, name):
    if "\x00" in name and connection.vendor == "postgresql":
        pytest.skip("PostgreSQL cannot store a NUL, and every form refuses one before saving")
    world.citizen.display_name = name
    world.citizen.save()
    services.claim_approve(claim=world.claim, by=world.admin)
    batch = services.claims_export(by=world.admin)
    world.sign_in(client, "admin")
    response = client.get(f"/thanks/staff/exports/{batch.pk}/download/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{batch.filename}"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode(), newline="")))
    cell = rows[0]["Payee name"]
    assert not cell.lstrip(" ").startswith(TRIGGERS) and "\x00" not in cell
    assert rows[0]["Amount in pence"] == "4500"
    # LED-13: the CSV total equals the on-screen total.
    page = client.get(f"/thanks/staff/exports/{batch.pk}/").content.decode()
    assert "£45.00 in total" in page


# --- Bounded queries -------------------------------------------------------------------------


def _many_entries(world, n):
    for i in range(n):
        services.credits_issue(
            person=world.citizen, amount=1, idempotency_key=f"many:{i}", memo=f"#{i}", by=None
        )


@pytest.mark.parametrize("n", [5, 300])
def test_my_thanks_runs_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries, n
):
    _many_entries(world, n)
    world.sign_in(client, "citizen")
    # session, user, balance, statement count + page, claims, expenses, recognitions, waiting
    # rewards, audit, preference, plus the middleware's own: far fewer than the entries.
    with django_assert_max_num_queries(20):
        response = client.get("/thanks/?page=2")
    assert response.status_code == 200


def test_a_persons_statement_for_staff_runs_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    _many_entries(world, 300)
    world.sign_in(client, "admin")
    with django_assert_max_num_queries(22):
        response = client.get(f"/thanks/staff/people/{world.citizen.pk}/")
    assert response.status_code == 200 and "Correct" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/thanks/staff/claims/",
        "/thanks/staff/rewards/",
        "/thanks/staff/nobody-left-out/",
        "/thanks/staff/expenses/",
        "/thanks/staff/people/",
        "/thanks/rates/",
    ],
)
def test_staff_lists_run_a_bounded_number_of_queries(
    client, world, activities, django_assert_max_num_queries, path
):
    for i in range(30):
        services.reward_propose_for_attendance(
            person=world.other_citizen,
            project=None,
            activity_type=activities["meeting"],
            minutes=60,
            occurred_on=timezone.localdate() - datetime.timedelta(days=40),
            source_key=f"bulk:{i}",
            by=world.staff,
        )
        claim = services.claim_create(
            claimant=world.other_citizen,
            amount_pence=100 + i,
            description=f"Claim {i}",
            activity_on=timezone.localdate() - datetime.timedelta(days=20),
            by=world.staff,
        )
        services.claim_submit(claim=claim, by=world.staff)
    world.sign_in(client, "admin")
    with django_assert_max_num_queries(20):
        response = client.get(path)
    assert response.status_code == 200


def test_nobody_left_out_lists_the_waiting_and_reports_the_share(client, world):
    world.sign_in(client, "admin")
    Reward.objects.filter(pk=world.reward.pk).update(
        occurred_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    body = client.get("/thanks/staff/nobody-left-out/").content.decode()
    assert "Carla" in body and "Not confirmed yet" in body
    assert "Of 1 attendance, 0 got something back (0%)" in body


def test_a_certificate_downloads_as_a_pdf_with_the_persons_name(client, world):
    import datetime as _dt

    from pypdf import PdfReader

    from copro.reciprocity.models import Recognition

    item = Recognition.objects.create(
        person=world.citizen,
        kind="certificate",
        title="Co-production champion",
        given_on=_dt.date(2026, 4, 1),
    )
    client.force_login(world.citizen)
    assert (
        f"/thanks/recognition/{item.pk}/certificate.pdf" in client.get("/thanks/").content.decode()
    )
    response = client.get(f"/thanks/recognition/{item.pk}/certificate.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Co-production champion" in text and world.citizen.display_name in text
