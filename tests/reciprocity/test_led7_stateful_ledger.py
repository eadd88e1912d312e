"""LED-7: any sequence of ledger operations keeps every invariant, checked against a pure-Python
model of the balances after every step (in the style of TigerBeetle's auditor)."""

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)

from copro.reciprocity import services
from copro.reciprocity.models import Account, Entry, Offer, Partner, Transaction
from copro.reciprocity.reconciliation import ledger_check
from copro.reciprocity.services.ledger import IdempotencyConflict
from tests.people.factories import UserFactory

counter = itertools.count()


class LedgerMachine(RuleBasedStateMachine):
    people = Bundle("people")
    offers = Bundle("offers")
    done = Bundle("done")  # transactions that happened, with how to replay them

    def __init__(self):
        super().__init__()
        # Each run starts from the same empty ledger: a savepoint rolled back in teardown().
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.issuer = services.issuer_account()
        self.model: dict[int, int] = {self.issuer.pk: 0}
        self.reversed: set[int] = set()
        self.entries_seen = 0
        self.admin = UserFactory(role="administrator")

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    # --- helpers ---------------------------------------------------------------------------

    def _apply(self, lines):
        for account_id, amount in lines:
            self.model[account_id] = self.model.get(account_id, 0) + amount

    def _expect_refusal(self, call):
        before = Entry.objects.count()
        with pytest.raises(ValidationError):
            call()
        assert Entry.objects.count() == before

    # --- rules -----------------------------------------------------------------------------

    @rule(target=people)
    def add_person(self):
        person = UserFactory()
        account = services.person_account(person)
        self.model[account.pk] = 0
        return person

    @rule(target=offers, credits=st.integers(1, 15))
    def add_partner(self, credits):
        partner = Partner.objects.create(name=f"Partner {next(counter)}")
        self.model[services.partner_account(partner).pk] = 0
        return Offer.objects.create(partner=partner, title="An offer", credits=credits)

    @rule(target=done, person=people, amount=st.integers(1, 30))
    def issue(self, person, amount):
        key = f"issue-{next(counter)}"

        def call(memo="for taking part"):
            return services.credits_issue(
                person=person, amount=amount, idempotency_key=key, memo=memo, by=None
            )

        txn = call()
        account = services.person_account(person).pk
        self._apply([(self.issuer.pk, -amount), (account, amount)])
        return (txn.pk, call, lambda: call(memo="something else"))

    @rule(target=done, person=people, offer=offers)
    def spend(self, person, offer):
        key = f"spend-{next(counter)}"
        account = services.person_account(person).pk
        partner = services.partner_account(offer.partner).pk

        def call(chosen=offer):
            return services.credits_spend(
                person=person, offer=chosen, idempotency_key=key, by=person
            )

        if self.model[account] < offer.credits:
            self._expect_refusal(call)
            return multiple()
        txn = call()
        self._apply([(account, -offer.credits), (partner, offer.credits)])
        other = Offer.objects.create(partner=offer.partner, title="Other", credits=1)
        return (txn.pk, call, lambda: call(chosen=other))

    @rule(target=done, source=people, destination=people, amount=st.integers(1, 20))
    def transfer(self, source, destination, amount):
        key = f"transfer-{next(counter)}"
        a, b = services.person_account(source), services.person_account(destination)

        def call(how_much=amount):
            return services.credits_transfer(
                source=a, destination=b, amount=how_much, idempotency_key=key, memo="", by=None
            )

        if a.pk == b.pk or self.model[a.pk] < amount:
            self._expect_refusal(call)
            return multiple()
        txn = call()
        self._apply([(a.pk, -amount), (b.pk, amount)])
        return (txn.pk, call, lambda: call(how_much=amount + 1))

    @rule(item=consumes(done))
    def reverse(self, item):
        txn_id = item[0]
        original = Transaction.objects.get(pk=txn_id)
        lines = [(e.account_id, -e.amount) for e in original.entries.all()]
        key = f"reverse-{next(counter)}"

        def call():
            return services.transaction_reverse(
                transaction=original, idempotency_key=key, reason="a mistake", by=self.admin
            )

        overdraws = any(
            self.model[account] + amount < 0
            for account, amount in lines
            if account != self.issuer.pk
        )
        if txn_id in self.reversed or overdraws:
            self._expect_refusal(call)
            return
        call()
        self.reversed.add(txn_id)
        self._apply(lines)
        with pytest.raises(ValidationError):  # never twice (LED-6)
            services.transaction_reverse(
                transaction=original, idempotency_key=key + "b", reason="again", by=self.admin
            )

    @rule(item=done)
    def replay_key(self, item):
        txn_id, same, _changed = item
        before = Entry.objects.count()
        assert same().pk == txn_id
        assert Entry.objects.count() == before

    @rule(item=done)
    def replay_key_with_changed_data(self, item):
        _txn_id, _same, changed = item
        before = Entry.objects.count()
        with pytest.raises(IdempotencyConflict):
            changed()
        assert Entry.objects.count() == before

    # --- invariants ------------------------------------------------------------------------

    @invariant()
    def balances_match_the_model(self):
        actual = dict(Account.objects.values_list("pk", "balance"))
        assert actual == {pk: balance for pk, balance in self.model.items()}

    @invariant()
    def the_ledger_reconciles(self):
        report = ledger_check()
        # every transaction sums to 0, cached = sum of entries, all balances sum to 0,
        # nobody but the issuer is below 0
        assert report.clean, report.lines()

    @invariant()
    def entries_only_grow(self):
        count = Entry.objects.count()
        assert count >= self.entries_seen
        self.entries_seen = count


@pytest.mark.django_db
def test_led7_any_sequence_of_operations_keeps_the_invariants():
    run_state_machine_as_test(
        LedgerMachine,
        settings=settings(settings.default, stateful_step_count=25),
    )
