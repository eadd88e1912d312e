"""`copro demo` gives reciprocity believable data, once: balances, claims in every state,
expenses, recognition and offers."""

import pytest
from django.core.management import call_command

from copro.reciprocity.models import (
    Account,
    Entry,
    Expense,
    MoneyAudit,
    Offer,
    PaymentClaim,
    Recognition,
    Reward,
    Transaction,
)
from copro.reciprocity.reconciliation import ledger_check


def _counts():
    return tuple(
        model.objects.count()
        for model in (
            Reward,
            PaymentClaim,
            Expense,
            Recognition,
            Offer,
            Transaction,
            Entry,
            MoneyAudit,
        )
    )


@pytest.mark.django_db
def test_demo_reciprocity_is_built_once_with_every_state(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo")
    first = _counts()
    call_command("demo")
    assert _counts() == first

    claim_states = set(PaymentClaim.objects.values_list("status", flat=True))
    assert claim_states == set(PaymentClaim.Status.values)
    assert set(Expense.objects.values_list("status", flat=True)) == set(Expense.Status.values)
    assert Recognition.objects.count() >= 3
    assert Offer.objects.count() >= 3
    # Rewards were proposed from the demo meetings' attendance, some confirmed, some waiting.
    assert Reward.objects.filter(source_key__startswith="meetings.attendance:").exists()
    assert set(Reward.objects.values_list("status", flat=True)) == {"proposed", "confirmed"}
    # People hold credits; the ledger is sound.
    assert Account.objects.filter(kind="person", balance__gt=0).count() >= 2
    assert Transaction.objects.filter(kind="reversal").exists()
    assert Transaction.objects.filter(kind="spend").exists()
    assert ledger_check().clean
    # Separation of duties holds in the demo too (AZ-10).
    for claim in PaymentClaim.objects.exclude(approved_by=None):
        assert claim.approved_by_id not in (claim.claimant_id, claim.created_by_id)
