"""Expenses (on their own track, never counted as reciprocity) and recognition."""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.utils import timezone

from copro.core.uploads import store_file
from copro.people.models import User
from copro.reciprocity import policy
from copro.reciprocity.models import Expense, MoneyAudit, Recognition
from copro.reciprocity.money import MAX_PENCE
from copro.reciprocity.receipts import CheckedReceipt

RECEIPTS_FOLDER = "receipts"


def expense_claim(
    *,
    person: User,
    kind: str,
    description: str,
    amount_pence: int,
    incurred_on: date,
    by: User,
    project=None,
    receipt: CheckedReceipt | None = None,
    request_key: str = "",
) -> Expense:
    """Record an expense, with its receipt if one was sent (already checked by
    receipts.check_receipt). The file is kept under a generated name first; if the expense
    cannot be saved, the file is removed again, so nothing is half-saved."""
    if by.pk != person.pk:
        policy.require(by, policy.DECIDE_EXPENSES)  # staff entering a paper claim for someone
    if type(amount_pence) is not int or not 0 < amount_pence <= MAX_PENCE:
        raise ValidationError({"amount_pence": "Enter an amount of money more than £0"})
    if incurred_on > timezone.localdate():
        raise ValidationError({"incurred_on": "The date must be today or in the past"})
    request_key = (request_key or "").strip()[:100]
    if request_key and (sent := _sent_already(person, request_key)) is not None:
        return sent  # the same form again: one expense, and its receipt is not kept twice
    expense = Expense(
        request_key=request_key,
        person=person,
        project=project,
        kind=kind,
        description=" ".join((description or "").split()),
        amount_pence=amount_pence,
        incurred_on=incurred_on,
        created_by=by,
    )
    if receipt is None:
        return _expense_save(expense)
    storage = storages["default"]
    stored = store_file(
        storage, f"{RECEIPTS_FOLDER}/{uuid.uuid4().hex}", receipt.data, field="receipt"
    )
    expense.receipt_stored_name, expense.receipt_name = stored, receipt.name
    expense.receipt_kind, expense.receipt_size = receipt.kind, len(receipt.data)
    expense.receipt_sha256 = receipt.sha256
    try:
        return _expense_save(expense)
    except BaseException:
        storage.delete(stored)
        raise


def _sent_already(person: User, request_key: str) -> Expense | None:
    return Expense.objects.filter(person=person, request_key=request_key).first()


def _expense_save(expense: Expense) -> Expense:
    try:
        with transaction.atomic():
            expense.full_clean(exclude=["request_key"])  # the database checks the key
            expense.save()
    except IntegrityError:  # a twin request with the same key saved it just now
        if expense.request_key and (sent := _sent_already(expense.person, expense.request_key)):
            if expense.receipt_stored_name:
                storages["default"].delete(expense.receipt_stored_name)
            return sent
        raise
    return expense


def receipt_erase(*, expense: Expense) -> None:
    """Remove an expense's receipt: the file and what we recorded about it."""
    if not expense.has_receipt:
        return
    stored = expense.receipt_stored_name
    Expense.objects.filter(pk=expense.pk).update(
        receipt_stored_name="", receipt_name="", receipt_kind="", receipt_size=0, receipt_sha256=""
    )
    transaction.on_commit(lambda: storages["default"].delete(stored))


@transaction.atomic
def expense_decide(*, expense: Expense, approve: bool, reason: str, by: User) -> Expense:
    policy.require(by, policy.DECIDE_EXPENSES)
    expense = Expense.objects.select_for_update().get(pk=expense.pk)
    if expense.status != Expense.Status.SUBMITTED:
        raise ValidationError("This expense has already been decided")
    if expense.person_id == by.pk:
        raise ValidationError("You cannot decide your own expenses: someone else must")
    reason = (reason or "").strip()
    if not approve and not reason:
        raise ValidationError({"reason": "Say why the expense is not approved"})
    expense.status = Expense.Status.APPROVED if approve else Expense.Status.REJECTED
    expense.decided_by, expense.decided_at, expense.reason = by, timezone.now(), reason[:500]
    expense.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    MoneyAudit.objects.create(
        by=by,
        person_id=expense.person_id,
        action=MoneyAudit.Action.EXPENSE_DECIDED,
        expense=expense,
        amount_pence=expense.amount_pence,
        reason=f"{expense.get_status_display()}. {reason}".strip()[:500],
    )
    return expense


@transaction.atomic
def expense_mark_paid(*, expense: Expense, paid_on: date, by: User) -> Expense:
    policy.require(by, policy.DECIDE_EXPENSES)
    expense = Expense.objects.select_for_update().get(pk=expense.pk)
    if expense.status != Expense.Status.APPROVED:
        raise ValidationError("Only an approved expense can be marked paid")
    if not expense.incurred_on <= paid_on <= timezone.localdate():
        raise ValidationError({"paid_on": "The date paid must be between the cost and today"})
    expense.status, expense.paid_on = Expense.Status.PAID, paid_on
    expense.save(update_fields=["status", "paid_on"])
    MoneyAudit.objects.create(
        by=by,
        person_id=expense.person_id,
        action=MoneyAudit.Action.EXPENSE_PAID,
        expense=expense,
        amount_pence=expense.amount_pence,
        reason=f"Paid on {paid_on.isoformat()}",
    )
    return expense


@transaction.atomic
def recognition_record(
    *,
    person: User,
    kind: str,
    title: str,
    description: str,
    given_on: date,
    by: User,
    project=None,
) -> Recognition:
    policy.require(by, policy.RECORD_RECOGNITION)
    recognition = Recognition(
        person=person,
        project=project,
        kind=kind,
        title=" ".join((title or "").split()),
        description=description,
        given_on=given_on,
        created_by=by,
    )
    recognition.full_clean()
    recognition.save()
    return recognition
