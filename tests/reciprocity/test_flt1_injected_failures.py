"""FLT-1: fail the Nth query of each write service (N = 1 ... all of them): the database is
exactly as it was before the call."""

import pytest
from django.db import DatabaseError, connection, transaction

from copro.reciprocity import services
from copro.reciprocity.models import (
    Account,
    Entry,
    ExportBatch,
    MoneyAudit,
    PaymentClaim,
    Reward,
    Transaction,
)
from tests.reciprocity.world import make_world


class FailOn:
    def __init__(self, n: int):
        self.n, self.seen = n, 0

    def __call__(self, execute, sql, params, many, context):
        self.seen += 1
        if self.seen == self.n:
            raise DatabaseError("injected failure")
        return execute(sql, params, many, context)


def snapshot():
    return {
        model.__name__: sorted(map(repr, model.objects.values_list()))
        for model in (Account, Entry, ExportBatch, MoneyAudit, PaymentClaim, Reward, Transaction)
    }


CALLS = {
    "credits_issue": lambda w: services.credits_issue(
        person=w.other_citizen, amount=2, idempotency_key="flt1", memo="x", by=w.staff
    ),
    "claim_approve": lambda w: services.claim_approve(claim=w.claim, by=w.admin),
    "reward_confirm_payment": lambda w: services.reward_confirm(
        reward=w.reward, given_as="payment", by=w.staff
    ),
    "reward_confirm_credits": lambda w: services.reward_confirm(
        reward=w.reward, given_as="time_credits", credits=3, reason="More", by=w.staff
    ),
    "transaction_reverse": lambda w: services.transaction_reverse(
        transaction=w.credits, idempotency_key="flt1r", reason="Mistake", by=w.admin
    ),
    "claims_approve_then_export": lambda w: services.claims_approve(
        claim_ids=[w.claim.pk, w.other_claim.pk], by=w.admin
    ),
}


class _Undo(Exception):
    pass


def _attempt(activities, call, fail_on: int | None):
    """Build the world, call the service failing query `fail_on` (None: fail nothing, just
    count), then undo everything. Returns (queries seen, error raised, rows before, rows
    after, row counts after)."""
    counter = FailOn(fail_on or 0)
    raised = False
    try:
        with transaction.atomic():
            world = make_world(activities)
            before = snapshot()
            try:
                with connection.execute_wrapper(counter):
                    call(world)
            except DatabaseError:
                raised = True
            after = snapshot()
            raise _Undo
    except _Undo:
        pass
    return counter.seen, raised, before, after


@pytest.mark.parametrize("name", sorted(CALLS))
def test_flt1_a_failure_at_any_query_leaves_nothing_half_saved(db, activities, name):
    """Each attempt runs inside a savepoint, so the service's own atomic block is a savepoint
    too: failing its RELEASE SAVEPOINT stands in for failing the COMMIT."""
    total, _raised, _before, complete = _attempt(activities, CALLS[name], None)
    assert total > 2
    for n in range(1, total + 1):
        _seen, raised, before, after = _attempt(activities, CALLS[name], n)
        if raised:
            assert after == before, f"{name}: half-saved after failing query {n} of {total}"
        else:
            # Django swallows a database error while checking a constraint in Python
            # (the database still enforces it); then the whole write must be there.
            assert {k: len(v) for k, v in after.items()} == {
                k: len(v) for k, v in complete.items()
            }, f"{name}: incomplete after failing query {n} of {total}"
