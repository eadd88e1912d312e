"""Reciprocity's entries in the export and erasure registry (copro.people.your_data).

Money records - the ledger, rewards, payment claims, expenses and the money audit trail - are
exported to the person and KEPT on erasure, linked to the anonymised placeholder: tax law and
audit need them ("Payment records are kept for as long as tax law needs"). The free text of an
expense, which the person wrote, is cleared. A receipt is kept only when the expense was
approved or paid (finance must keep it, and the export says so); otherwise the file is deleted.
Preferences and recognition are erased.
"""

from copro.people import your_data


def _keep(user) -> None:
    """Kept against the anonymous placeholder."""


def _credits(user) -> list[dict]:
    from copro.reciprocity.models import Account, Entry

    account = Account.objects.filter(person=user).first()
    if account is None:
        return []
    entries = Entry.objects.filter(account=account).select_related("transaction")
    return [{"balance": account.balance}] + [
        {
            "when": e.transaction.created_at.isoformat(),
            "credits": e.amount,
            "what": e.transaction.memo or e.transaction.get_kind_display(),
        }
        for e in entries.order_by("pk")
    ]


RECEIPT_KEPT = (
    "Kept if you delete your account: this money was paid back to you, or agreed, and finance "
    "must keep the receipt for as long as tax law needs."
)
RECEIPT_ERASED = "Deleted with your account, as this money has not been paid back."


def _erase_expenses(user) -> None:
    from copro.reciprocity.models import Expense
    from copro.reciprocity.services import receipt_erase

    for expense in Expense.objects.filter(person=user).exclude(receipt_stored_name=""):
        if not expense.finance_keeps_receipt:
            receipt_erase(expense=expense)
    Expense.objects.filter(person=user).update(description="Removed when the account was deleted")


def _expenses(user) -> list[dict]:
    """Each expense, with its receipt's name and type, where to download it, and whether it
    is kept or deleted if the person deletes their account."""
    from django.urls import reverse

    from copro.reciprocity.models import Expense

    rows = []
    for expense in Expense.objects.filter(person=user).order_by("pk"):
        row = {
            "kind": expense.kind,
            "description": expense.description,
            "amount_pence": expense.amount_pence,
            "incurred_on": expense.incurred_on.isoformat(),
            "status": expense.status,
            "reason": expense.reason,
            "paid_on": expense.paid_on.isoformat() if expense.paid_on else None,
        }
        if expense.has_receipt:
            row["receipt"] = {
                "name": expense.receipt_name,
                "type": expense.receipt_content_type,
                "size_bytes": expense.receipt_size,
                "sha256": expense.receipt_sha256,
                "download": reverse("reciprocity:expense_receipt", args=[expense.pk]),
                "if_you_delete_your_account": RECEIPT_KEPT
                if expense.finance_keeps_receipt
                else RECEIPT_ERASED,
            }
        rows.append(row)
    return rows


def register_all() -> None:
    from copro.reciprocity.models import (
        Account,
        Expense,
        MoneyAudit,
        PaymentClaim,
        Recognition,
        Reward,
        ThanksPreference,
    )

    register = your_data.register
    register(Account, label="Your time credits", export=_credits, erase=_keep)
    register(
        ThanksPreference,
        label="How you like to be thanked",
        export=lambda u: your_data.rows(
            ThanksPreference.objects.filter(person=u), "choice", "updated_at"
        ),
        erase=your_data.delete_rows(ThanksPreference, "person"),
    )
    register(
        Reward,
        label="Rewards for taking part",
        erase=_keep,
        export=lambda u: your_data.rows(
            Reward.objects.filter(person=u),
            "activity_type__name",
            "occurred_on",
            "minutes",
            "status",
            "given_as",
            "given_pay_pence",
            "given_credits",
            "adjustment_reason",
        ),
    )
    register(
        PaymentClaim,
        label="Payments for your time",
        erase=_keep,
        export=lambda u: your_data.rows(
            PaymentClaim.objects.filter(claimant=u),
            "description",
            "amount_pence",
            "activity_on",
            "status",
            "rejection_reason",
            "paid_on",
        ),
    )
    register(
        Expense,
        label="Expenses you claimed",
        erase=_erase_expenses,
        export=_expenses,
    )
    register(
        Recognition,
        label="Thanks and recognition",
        erase=your_data.delete_rows(Recognition, "person"),
        export=lambda u: your_data.rows(
            Recognition.objects.filter(person=u), "kind", "title", "description", "given_on"
        ),
    )
    register(
        MoneyAudit,
        label="Who approved or changed your payments and credits",
        erase=_keep,
        export=lambda u: [
            {
                "when": a.at.isoformat(),
                "what": a.get_action_display(),
                "by": a.by.display_name,
                "why": a.reason,
                "amount_pence": a.amount_pence,
                "credits": a.credits,
            }
            for a in MoneyAudit.objects.filter(person=u).select_related("by").order_by("at")
        ],
    )
