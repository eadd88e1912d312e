"""Payment claims: draft -> submitted -> approved -> paid, or rejected with a reason.

Each step checks the state under a row lock, so a step taken twice, out of order or by two
people at once is refused with a plain message and changes nothing (AZ-12). The approver can be
neither the person paid nor whoever made the claim (AZ-10). Every step writes an append-only
audit row saying who, when and why (LOG-5).
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from copro.people.models import User
from copro.reciprocity import policy, telling
from copro.reciprocity.csv_safe import csv_text
from copro.reciprocity.models import ExportBatch, MoneyAudit, PaymentClaim, Reward
from copro.reciprocity.money import MAX_PENCE, pounds_plain

S = PaymentClaim.Status
REFUSED = {
    S.DRAFT: "This claim has not been sent for approval yet",
    S.SUBMITTED: "This claim is waiting for approval",
    S.APPROVED: "This claim has already been approved",
    S.PAID: "This claim has already been paid",
    S.REJECTED: "This claim was not approved, so it cannot go further",
}


def _audit(claim: PaymentClaim, action: str, by: User, reason: str = "") -> None:
    MoneyAudit.objects.create(
        by=by,
        person_id=claim.claimant_id,
        action=action,
        claim=claim,
        amount_pence=claim.amount_pence,
        reason=reason[:500],
    )


def _locked(claim: PaymentClaim, expected: str) -> PaymentClaim:
    claim = PaymentClaim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != expected:
        raise ValidationError(REFUSED[claim.status])
    return claim


@transaction.atomic
def claim_create(
    *,
    claimant: User,
    amount_pence: int,
    description: str,
    activity_on: date,
    by: User,
    method: str = PaymentClaim.Method.BANK,
    reward: Reward | None = None,
) -> PaymentClaim:
    if type(amount_pence) is not int or not 0 < amount_pence <= MAX_PENCE:
        raise ValidationError({"amount_pence": "Enter an amount of money more than £0"})
    if activity_on > timezone.localdate():
        raise ValidationError({"activity_on": "The date must be today or in the past"})
    claim = PaymentClaim(
        claimant=claimant,
        amount_pence=amount_pence,
        description=" ".join((description or "").split()),
        activity_on=activity_on,
        method=method,
        reward=reward,
        created_by=by,
    )
    claim.full_clean()
    claim.save()
    _audit(claim, MoneyAudit.Action.CLAIM_CREATED, by)
    return claim


@transaction.atomic
def claim_submit(*, claim: PaymentClaim, by: User) -> PaymentClaim:
    claim = _locked(claim, S.DRAFT)
    if by.pk not in (claim.claimant_id, claim.created_by_id) and not by.is_council_staff:
        raise ValidationError("Only the person paid, or whoever made the claim, can send it")
    claim.status, claim.submitted_at = S.SUBMITTED, timezone.now()
    claim.save(update_fields=["status", "submitted_at"])
    _audit(claim, MoneyAudit.Action.CLAIM_SUBMITTED, by)
    return claim


def _check_independent(claim: PaymentClaim, by: User) -> None:
    if claim.claimant_id == by.pk:
        raise ValidationError("You cannot approve a payment to yourself: someone else must")
    if claim.created_by_id == by.pk:
        raise ValidationError("You made this claim, so someone else must approve it")


@transaction.atomic
def claim_approve(*, claim: PaymentClaim, by: User) -> PaymentClaim:
    policy.require(by, policy.APPROVE_CLAIMS)
    claim = _locked(claim, S.SUBMITTED)
    _check_independent(claim, by)
    claim.status, claim.approved_by, claim.approved_at = S.APPROVED, by, timezone.now()
    claim.save(update_fields=["status", "approved_by", "approved_at"])
    _audit(claim, MoneyAudit.Action.CLAIM_APPROVED, by)
    return claim


@transaction.atomic
def claims_approve(*, claim_ids: Iterable[int], by: User) -> list[PaymentClaim]:
    """Approve several claims at once: all of them, or none if any one is refused (AZ-6)."""
    policy.require(by, policy.APPROVE_CLAIMS)
    ids = sorted({int(pk) for pk in claim_ids})
    if not ids:
        raise ValidationError("Choose at least one claim to approve")
    claims = list(PaymentClaim.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    if len(claims) != len(ids):
        raise ValidationError("One of the claims chosen does not exist. Nothing was approved.")
    problems = []
    for claim in claims:
        try:
            if claim.status != S.SUBMITTED:
                raise ValidationError(REFUSED[claim.status])
            _check_independent(claim, by)
        except ValidationError as error:
            problems.append(f"{claim.reference}: {' '.join(error.messages)}")
    if problems:
        raise ValidationError(["Nothing was approved."] + problems)
    return [claim_approve(claim=claim, by=by) for claim in claims]


@transaction.atomic
def claim_reject(*, claim: PaymentClaim, reason: str, by: User) -> PaymentClaim:
    policy.require(by, policy.APPROVE_CLAIMS)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the claim is not approved"})
    claim = _locked(claim, S.SUBMITTED)
    if claim.claimant_id == by.pk:
        raise ValidationError("You cannot decide a payment to yourself: someone else must")
    claim.status, claim.rejected_by, claim.rejected_at = S.REJECTED, by, timezone.now()
    claim.rejection_reason = reason[:500]
    claim.save(update_fields=["status", "rejected_by", "rejected_at", "rejection_reason"])
    _audit(claim, MoneyAudit.Action.CLAIM_REJECTED, by, reason)
    return claim


CSV_HEADER = [
    "Batch",
    "Claim reference",
    "Payee reference",
    "Payee name",
    "How paid",
    "What for",
    "Date of activity",
    "Amount in pence",
    "Amount in pounds",
    "Approved by",
    "Approved on",
]


def _csv_rows(batch: ExportBatch, claims: list[PaymentClaim]):
    for claim in claims:
        yield [
            batch.pk,
            claim.reference,
            f"P{claim.claimant_id:06d}",
            claim.claimant.display_name,
            claim.get_method_display(),
            claim.description,
            claim.activity_on.isoformat(),
            claim.amount_pence,
            pounds_plain(claim.amount_pence),
            claim.approved_by.display_name,
            timezone.localdate(claim.approved_at).isoformat(),
        ]


@transaction.atomic
def claims_export(*, by: User) -> ExportBatch:
    """Put every approved claim not yet sent to finance into one new batch and its CSV file.
    A claim already in a batch is never put in another (LED-15); two people exporting at once
    get one batch each with different claims, or a message that nothing is waiting."""
    policy.require(by, policy.PAY_CLAIMS)
    claims = list(
        PaymentClaim.objects.select_for_update(of=("self",))
        .filter(status=S.APPROVED, export_batch__isnull=True)
        .select_related("claimant", "approved_by")
        .order_by("pk")
    )
    if not claims:
        raise ValidationError("There are no approved claims waiting to be sent to finance")
    batch = ExportBatch.objects.create(
        created_by=by,
        claim_count=len(claims),
        total_pence=sum(claim.amount_pence for claim in claims),
        csv_text="",
    )
    batch.csv_text = csv_text(CSV_HEADER, _csv_rows(batch, claims))
    batch.save(update_fields=["csv_text"])
    updated = PaymentClaim.objects.filter(
        pk__in=[c.pk for c in claims], export_batch__isnull=True
    ).update(export_batch=batch)
    if updated != len(claims):  # cannot happen under the lock; never send a claim twice
        raise ValidationError("Another export took some of these claims. Try again.")
    for claim in claims:
        _audit(claim, MoneyAudit.Action.CLAIM_EXPORTED, by, f"Finance export {batch.pk}")
    return batch


def _check_paid_on(claim: PaymentClaim, paid_on: date) -> None:
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": "The date paid must be today or in the past"})
    if paid_on < claim.activity_on:
        raise ValidationError({"paid_on": "The date paid cannot be before the activity"})


@transaction.atomic
def claim_mark_paid(*, claim: PaymentClaim, paid_on: date, by: User) -> PaymentClaim:
    policy.require(by, policy.PAY_CLAIMS)
    claim = _locked(claim, S.APPROVED)
    if claim.export_batch_id is None:
        raise ValidationError("Send this claim to finance in an export before marking it paid")
    _check_paid_on(claim, paid_on)
    claim.status, claim.paid_on = S.PAID, paid_on
    claim.save(update_fields=["status", "paid_on"])
    _audit(claim, MoneyAudit.Action.CLAIM_PAID, by, f"Paid on {paid_on.isoformat()}")
    telling.tell_paid(claim)
    return claim


@transaction.atomic
def batch_mark_paid(*, batch: ExportBatch, paid_on: date, by: User) -> int:
    """Finance has paid a whole batch: mark each of its claims paid. Returns how many."""
    policy.require(by, policy.PAY_CLAIMS)
    claims = list(batch.claims.filter(status=S.APPROVED).order_by("pk"))
    if not claims:
        raise ValidationError("Every claim in this export has already been marked paid")
    for claim in claims:
        claim_mark_paid(claim=claim, paid_on=paid_on, by=by)
    return len(claims)
