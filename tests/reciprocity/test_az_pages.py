"""The authorisation matrix for every /thanks/ page (AZ-1, AZ-5), bulk actions (AZ-6),
separation of duties (AZ-10) and skipping steps (AZ-12)."""

import datetime
import re

import pytest
from django.urls import URLPattern, get_resolver

from copro.reciprocity import policy
from copro.reciprocity.models import MoneyAudit, PaymentClaim
from copro.reciprocity.urls import urlpatterns
from tests.reciprocity.world import make_world

PERSONAS = ["anonymous", "citizen", "other_citizen", "staff", "admin"]
LOGIN = "login"  # 302 to the sign-in page
MINE = "mine"  # 302 to the person's own "My thanks"


def _certificate(world):
    from copro.reciprocity.models import Recognition

    return Recognition.objects.get_or_create(
        person=world.citizen,
        kind="certificate",
        title="Co-production champion",
        given_on=datetime.date(2026, 4, 1),
    )[0]


# url name -> (path built from the world, expected status for each persona in PERSONAS).
# Objects belong to the citizen (Carla): someone else's id answers 404 (AZ-1); a function a
# role may not use answers 403 (AZ-5).
MATRIX = {
    "mine": (lambda w: "/thanks/", [LOGIN, 200, 200, 200, 200]),
    "preference": (lambda w: "/thanks/how-to-thank-me/", [LOGIN, 200, 200, 200, 200]),
    "offers": (lambda w: "/thanks/offers/", [LOGIN, 200, 200, 200, 200]),
    "expense_new": (lambda w: "/thanks/expenses/new/", [LOGIN, 200, 200, 200, 200]),
    "rates": (lambda w: "/thanks/rates/", [LOGIN, 200, 200, 200, 200]),
    "claim": (lambda w: f"/thanks/claims/{w.claim.pk}/", [LOGIN, 200, 404, 200, 200]),
    "claims": (lambda w: "/thanks/staff/claims/", [LOGIN, 403, 403, 200, 200]),
    "exports": (lambda w: "/thanks/staff/exports/", [LOGIN, 403, 403, 200, 200]),
    "rewards": (lambda w: "/thanks/staff/rewards/", [LOGIN, 403, 403, 200, 200]),
    "reward_confirm": (
        lambda w: f"/thanks/staff/rewards/{w.reward.pk}/",
        [LOGIN, 403, 403, 200, 200],
    ),
    "nobody_left_out": (lambda w: "/thanks/staff/nobody-left-out/", [LOGIN, 403, 403, 200, 200]),
    "people": (lambda w: "/thanks/staff/people/", [LOGIN, 403, 403, 200, 200]),
    "person": (lambda w: f"/thanks/staff/people/{w.citizen.pk}/", [LOGIN, MINE, 404, 200, 200]),
    "recognition_new": (
        lambda w: f"/thanks/staff/people/{w.citizen.pk}/recognition/",
        [LOGIN, 403, 404, 200, 200],
    ),
    "credits_issue": (
        lambda w: f"/thanks/staff/people/{w.citizen.pk}/credits/",
        [LOGIN, 403, 404, 200, 200],
    ),
    "transaction_reverse": (
        lambda w: f"/thanks/staff/transactions/{w.credits.pk}/correct/",
        [LOGIN, 403, 403, 403, 200],
    ),
    "expenses": (lambda w: "/thanks/staff/expenses/", [LOGIN, 403, 403, 200, 200]),
    # A receipt: the person who claimed and staff who decide expenses; anyone else 404 (FILE-4).
    "expense_receipt": (
        lambda w: f"/thanks/expenses/{w.expense.pk}/receipt/",
        [LOGIN, 200, 404, 200, 200],
    ),
    # A certificate: the person thanked and staff; anyone else 404.
    "certificate": (
        lambda w: f"/thanks/recognition/{_certificate(w).pk}/certificate.pdf",
        [LOGIN, 200, 404, 200, 200],
    ),
    "rate_new": (lambda w: "/thanks/rates/new/", [LOGIN, 403, 403, 403, 200]),
    "activity_new": (lambda w: "/thanks/rates/activities/new/", [LOGIN, 403, 403, 403, 200]),
}

# POST-only routes: a GET is the wrong method (405) for anyone signed in.
POST_ONLY = {
    "offer_spend",
    "claim_submit",
    "claim_approve",
    "claim_reject",
    "claim_paid",
    "claims_approve",
    "export_paid",
    "expense_decide",
    "expense_paid",
}
# Pages that need an export batch; tested on their own below.
BATCH_PAGES = {"export", "export_download"}


@pytest.fixture
def world(db, activities):
    return make_world(activities)


def _unmasked(response) -> str:
    """The body without what changes on every response: the CSRF mask and the CSP nonce."""
    body = response.content.decode()
    body = re.sub(r'(csrf[a-z_-]*"? (?:content|value)=)"[^"]+"', r"\1", body)
    return re.sub(r'nonce="[^"]+"', "nonce", body)


def _assert_status(response, expected, path):
    if expected == LOGIN:
        assert response.status_code == 302, path
        assert "/account/sign-in/" in response["Location"], path
    elif expected == MINE:
        assert response.status_code == 302 and response["Location"] == "/thanks/", path
    else:
        assert response.status_code == expected, (path, response.status_code)


def test_az1_every_thanks_route_has_a_matrix_entry():
    """A new route without an entry here fails this test (AZ-1 meta-test)."""
    names = {p.name for p in urlpatterns if isinstance(p, URLPattern)}
    assert names == set(MATRIX) | POST_ONLY | BATCH_PAGES
    assert "reciprocity" in get_resolver().namespace_dict


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_az1_az5_each_page_answers_each_persona_as_the_matrix_says(client, world, name, persona):
    build, expected = MATRIX[name]
    path = build(world)
    world.sign_in(client, persona)
    _assert_status(client.get(path), expected[PERSONAS.index(persona)], path)


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only_routes_refuse_get_with_405(client, world, name):
    world.sign_in(client, "admin")
    pattern = next(p for p in urlpatterns if p.name == name)
    path = "/thanks/" + str(pattern.pattern).replace("<int:pk>", str(world.claim.pk))
    assert client.get(path).status_code == 405


def test_az1_someone_elses_claim_looks_exactly_like_a_missing_one(client, world):
    world.sign_in(client, "other_citizen")
    foreign = client.get(f"/thanks/claims/{world.claim.pk}/")
    missing = client.get("/thanks/claims/999999/")
    assert foreign.status_code == missing.status_code == 404
    assert _unmasked(foreign) == _unmasked(missing)
    assert b"Carla" not in foreign.content


def test_az1_a_citizen_cannot_see_their_own_draft_or_act_on_anothers_expense(client, world):
    from copro.reciprocity import services

    draft = services.claim_create(
        claimant=world.citizen,
        amount_pence=100,
        description="Not sent yet",
        activity_on=world.claim.activity_on,
        by=world.staff,
    )
    world.sign_in(client, "citizen")
    assert client.get(f"/thanks/claims/{draft.pk}/").status_code == 404
    world.sign_in(client, "other_citizen")
    response = client.post(
        f"/thanks/staff/expenses/{world.expense.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 404
    world.expense.refresh_from_db()
    assert world.expense.status == "submitted"


def test_az1_my_thanks_shows_only_my_own_things(client, world):
    world.sign_in(client, "citizen")
    body = client.get("/thanks/").content.decode()
    assert "Carla&#x27;s design day" in body and "Carla&#x27;s bus fare" in body
    assert "Dmitri" not in body


# --- AZ-5: every cell of the policy table, driven through a page -----------------------------

ACTION_REQUESTS = {
    policy.SEE_OWN_THANKS: ("mine", 403),
    policy.CHOOSE_OWN_THANKS: ("preference", 403),
    policy.SPEND_OWN_CREDITS: ("offers", 403),
    policy.CLAIM_OWN_EXPENSES: ("expense_new", 403),
    policy.SEE_RATE_CARD: ("rates", 403),
    policy.EDIT_RATE_CARD: ("rate_new", 403),
    policy.CONFIRM_REWARDS: ("rewards", 403),
    policy.APPROVE_CLAIMS: ("claims", 403),
    policy.PAY_CLAIMS: ("exports", 403),
    # These pages are about a person: someone who may not see people's thanks gets 404.
    policy.ISSUE_CREDITS: ("credits_issue", 404),
    policy.RECORD_RECOGNITION: ("recognition_new", 404),
    policy.REVERSE_CREDITS: ("transaction_reverse", 403),
    policy.DECIDE_EXPENSES: ("expenses", 403),
    policy.SEE_PEOPLES_THANKS: ("people", 403),
}
ROLE_PERSONA = {
    policy.CITIZEN: "other_citizen",
    policy.STAFF: "staff",
    policy.ADMINISTRATOR: "admin",
}


def test_az5_every_action_in_the_policy_table_has_a_page_to_test_it():
    assert set(ACTION_REQUESTS) == set(policy.POLICY)


@pytest.mark.parametrize("action", sorted(policy.POLICY))
@pytest.mark.parametrize("role", sorted(ROLE_PERSONA))
def test_az5_each_cell_of_the_policy_table_holds(client, world, action, role):
    name, denied_status = ACTION_REQUESTS[action]
    path = MATRIX[name][0](world)
    world.sign_in(client, ROLE_PERSONA[role])
    status = client.get(path).status_code
    if role in policy.POLICY[action]:
        assert status == 200, (action, role, path)
    else:
        assert status == denied_status, (action, role, path)


def test_az5_a_citizen_cannot_approve_a_claim_by_posting(client, world):
    world.sign_in(client, "citizen")
    response = client.post(f"/thanks/claims/{world.claim.pk}/approve/")
    assert response.status_code == 403  # a function a citizen may not use (AZ-5)
    world.claim.refresh_from_db()
    assert world.claim.status == "submitted"
    world.sign_in(client, "other_citizen")
    assert client.post(f"/thanks/claims/{world.claim.pk}/approve/").status_code == 404
    assert (
        client.post("/thanks/staff/claims/approve/", {"claims": [world.claim.pk]}).status_code
        == 403
    )
    world.claim.refresh_from_db()
    assert world.claim.status == "submitted"


def test_az5_staff_cannot_change_the_rate_card_by_posting(client, world, activities):
    world.sign_in(client, "staff")
    response = client.post(
        "/thanks/rates/new/",
        {
            "activity_type": activities["meeting"].pk,
            "effective_from": "2099-01-01",
            "pay_basis": "per_hour",
            "pay": "99",
            "credits_per_hour": "9",
        },
    )
    assert response.status_code == 403
    assert not activities["meeting"].rates.filter(pay_pence=9900).exists()


# --- AZ-6: bulk approval is all or nothing ---------------------------------------------------


def test_az6_a_bulk_approve_with_one_claim_the_approver_made_changes_nothing(client, world):
    from copro.reciprocity import services

    mine = services.claim_submit(
        claim=services.claim_create(
            claimant=world.other_citizen,
            amount_pence=900,
            description="Made by Sol",
            activity_on=world.claim.activity_on,
            by=world.other_staff,
        ),
        by=world.other_staff,
    )
    world.sign_in(client, "other_staff")
    ids = [world.claim.pk, world.other_claim.pk, mine.pk]
    response = client.post("/thanks/staff/claims/approve/", {"claims": ids}, follow=True)
    assert "Nothing was approved" in response.content.decode()
    assert set(PaymentClaim.objects.filter(pk__in=ids).values_list("status", flat=True)) == {
        "submitted"
    }
    assert not MoneyAudit.objects.filter(action="claim_approved").exists()


def test_az6_a_bulk_approve_with_a_missing_or_junk_id_changes_nothing(client, world):
    world.sign_in(client, "admin")
    for ids in ([world.claim.pk, 999999], [world.claim.pk, "1 OR 1=1"]):
        client.post("/thanks/staff/claims/approve/", {"claims": ids})
        world.claim.refresh_from_db()
        assert world.claim.status == "submitted"


def test_az6_a_bulk_approve_of_good_claims_approves_them_all(client, world):
    world.sign_in(client, "admin")
    ids = [world.claim.pk, world.other_claim.pk]
    client.post("/thanks/staff/claims/approve/", {"claims": ids})
    assert set(PaymentClaim.objects.filter(pk__in=ids).values_list("status", flat=True)) == {
        "approved"
    }


# --- AZ-10: separation of duties -------------------------------------------------------------


def test_az10_whoever_made_a_claim_cannot_approve_it_through_the_page(client, world):
    world.sign_in(client, "staff")  # Sam made every claim in the world
    response = client.post(f"/thanks/claims/{world.claim.pk}/approve/", follow=True)
    assert "You made this claim, so someone else must approve it" in response.content.decode()
    world.claim.refresh_from_db()
    assert world.claim.status == "submitted" and world.claim.approved_by is None


def test_az10_nobody_approves_a_payment_to_themselves(client, world):
    from copro.reciprocity import services

    claim = services.claim_submit(
        claim=services.claim_create(
            claimant=world.other_staff,
            amount_pence=2000,
            description="Sol's session",
            activity_on=world.claim.activity_on,
            by=world.staff,
        ),
        by=world.staff,
    )
    world.sign_in(client, "other_staff")
    page = client.get(f"/thanks/claims/{claim.pk}/").content.decode()
    assert "someone else must approve it" in page and "Approve the claim" not in page
    response = client.post(f"/thanks/claims/{claim.pk}/approve/", follow=True)
    assert "You cannot approve a payment to yourself" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "submitted"


def test_az10_the_admin_site_cannot_approve_a_claim(client, world):
    world.admin.is_staff = world.admin.is_superuser = True
    world.admin.save()
    world.sign_in(client, "admin")
    url = f"/admin/reciprocity/paymentclaim/{world.claim.pk}/change/"
    client.post(url, {"status": "approved", "approved_by": world.admin.pk})
    world.claim.refresh_from_db()
    assert world.claim.status == "submitted" and world.claim.approved_by is None


def test_az10_someone_independent_can_approve(client, world):
    world.sign_in(client, "other_staff")
    client.post(f"/thanks/claims/{world.claim.pk}/approve/")
    world.claim.refresh_from_db()
    assert world.claim.status == "approved" and world.claim.approved_by == world.other_staff


# --- AZ-12: steps in order only --------------------------------------------------------------


def test_az12_a_claim_cannot_jump_from_submitted_to_paid(client, world):
    world.sign_in(client, "admin")
    response = client.post(
        f"/thanks/claims/{world.claim.pk}/paid/",
        {"paid_on": str(world.claim.activity_on)},
        follow=True,
    )
    assert "This claim is waiting for approval" in response.content.decode()
    world.claim.refresh_from_db()
    assert world.claim.status == "submitted" and world.claim.paid_on is None


def test_az12_approving_twice_or_after_rejection_is_refused(client, world):
    world.sign_in(client, "admin")
    client.post(f"/thanks/claims/{world.claim.pk}/approve/")
    again = client.post(f"/thanks/claims/{world.claim.pk}/approve/", follow=True)
    assert "already been approved" in again.content.decode()
    assert MoneyAudit.objects.filter(claim=world.claim, action="claim_approved").count() == 1
    client.post(f"/thanks/claims/{world.other_claim.pk}/reject/", {"reason": "Not on that day"})
    late = client.post(f"/thanks/claims/{world.other_claim.pk}/approve/", follow=True)
    assert "was not approved, so it cannot go further" in late.content.decode()
    world.other_claim.refresh_from_db()
    assert world.other_claim.status == "rejected"


def test_az12_a_paid_claim_cannot_be_paid_again_or_rejected(client, world):
    world.sign_in(client, "admin")
    client.post(f"/thanks/claims/{world.claim.pk}/approve/")
    client.post("/thanks/staff/exports/")
    client.post(f"/thanks/claims/{world.claim.pk}/paid/", {"paid_on": str(world.claim.activity_on)})
    world.claim.refresh_from_db()
    assert world.claim.status == "paid"
    client.post(f"/thanks/claims/{world.claim.pk}/paid/", {"paid_on": str(world.claim.activity_on)})
    client.post(f"/thanks/claims/{world.claim.pk}/reject/", {"reason": "Changed my mind"})
    world.claim.refresh_from_db()
    assert world.claim.status == "paid"
    assert MoneyAudit.objects.filter(claim=world.claim, action="claim_paid").count() == 1


def test_az12_an_expense_is_decided_once(client, world):
    world.sign_in(client, "staff")
    url = f"/thanks/staff/expenses/{world.expense.pk}/decide/"
    client.post(url, {"decision": "approve"})
    response = client.post(url, {"decision": "reject", "reason": "No"}, follow=True)
    assert "already been decided" in response.content.decode()
    world.expense.refresh_from_db()
    assert world.expense.status == "approved"
