"""Writes for reciprocity. Keyword-only, typed, each in one transaction; a refusal is a
ValidationError a form can show (or PermissionDenied for a function someone may not use)."""

from copro.reciprocity.services.claims import (
    batch_mark_paid,
    claim_approve,
    claim_create,
    claim_mark_paid,
    claim_reject,
    claim_submit,
    claims_approve,
    claims_export,
)
from copro.reciprocity.services.extras import (
    expense_claim,
    expense_decide,
    expense_mark_paid,
    receipt_erase,
    recognition_record,
)
from copro.reciprocity.services.ledger import (
    IdempotencyConflict,
    credits_issue,
    credits_spend,
    credits_transfer,
    issuer_account,
    partner_account,
    person_account,
    request_key,
    transaction_reverse,
)
from copro.reciprocity.services.rates import activity_type_add, preference_set, rate_set
from copro.reciprocity.services.rewards import (
    reward_amounts,
    reward_confirm,
    reward_propose_for_attendance,
    rewards_propose_for_meeting_attendance,
)

__all__ = [
    "IdempotencyConflict",
    "activity_type_add",
    "batch_mark_paid",
    "claim_approve",
    "claim_create",
    "claim_mark_paid",
    "claim_reject",
    "claim_submit",
    "claims_approve",
    "claims_export",
    "credits_issue",
    "credits_spend",
    "credits_transfer",
    "expense_claim",
    "expense_decide",
    "expense_mark_paid",
    "receipt_erase",
    "issuer_account",
    "partner_account",
    "person_account",
    "preference_set",
    "rate_set",
    "recognition_record",
    "reward_amounts",
    "reward_confirm",
    "request_key",
    "reward_propose_for_attendance",
    "rewards_propose_for_meeting_attendance",
    "transaction_reverse",
]
