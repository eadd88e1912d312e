"""The ledger services: LED-1 (balanced), LED-3 (amount rules), LED-4 (no overdraft),
LED-5 (idempotency), LED-6 (reversal), FLT-8 (a retry after a lost response)."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from copro.reciprocity import services
from copro.reciprocity.models import Account, Entry, Offer, Partner, Transaction
from copro.reciprocity.reconciliation import balances_sum, ledger_check
from copro.reciprocity.services.ledger import MAX_CREDITS, IdempotencyConflict, _post, _Posting
from tests.people.factories import UserFactory


def issue(person, amount, key=None, by=None):
    return services.credits_issue(
        person=person,
        amount=amount,
        idempotency_key=key or f"issue-{person.pk}-{amount}",
        memo="For taking part",
        by=by,
    )


def balance(person) -> int:
    return Account.objects.get(person=person).balance


@pytest.mark.django_db
def test_led1_an_issue_writes_two_entries_that_sum_to_zero(citizen, staff):
    txn = issue(citizen, 5, by=staff)
    amounts = sorted(txn.entries.values_list("amount", flat=True))
    assert amounts == [-5, 5]
    assert balance(citizen) == 5
    assert services.issuer_account().balance == -5
    assert balances_sum() == 0
    assert ledger_check().clean


@pytest.mark.django_db
def test_led1_the_service_refuses_an_unbalanced_transaction(citizen):
    account = services.person_account(citizen)
    issuer = services.issuer_account()
    with pytest.raises(ValidationError, match="must balance"):
        _post(
            _Posting(
                kind="issue",
                key="k",
                payload={},
                lines=[(issuer.pk, -5), (account.pk, 4)],
                memo="",
                by=None,
            )
        )
    assert not Transaction.objects.exists() and not Entry.objects.exists()


@pytest.mark.django_db
def test_led4_the_issuer_may_go_negative_because_it_mints_credits(citizen):
    issue(citizen, 40)
    assert services.issuer_account().balance == -40  # documented: it is the credits in use


@pytest.mark.django_db
def test_led4_spending_balance_plus_one_is_refused_and_writes_nothing(citizen, offer):
    offer.credits = 3
    offer.save()
    issue(citizen, 2)
    before = (Transaction.objects.count(), Entry.objects.count())
    with pytest.raises(ValidationError) as caught:
        services.credits_spend(person=citizen, offer=offer, idempotency_key="s1", by=citizen)
    assert caught.value.messages == [
        "You have 2 time credits, which is not enough: this needs 3 time credits."
    ]
    assert (Transaction.objects.count(), Entry.objects.count()) == before
    assert balance(citizen) == 2


@pytest.mark.django_db
def test_led4_the_database_refuses_a_negative_person_balance_too(citizen):
    from django.db import IntegrityError, transaction

    account = services.person_account(citizen)
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.filter(pk=account.pk).update(balance=-1)


@pytest.mark.django_db
def test_led4_a_transfer_between_people_cannot_overdraw(citizen, other_citizen):
    issue(citizen, 1)
    with pytest.raises(ValidationError, match="Carla has 1 time credit, which is not enough"):
        services.credits_transfer(
            source=services.person_account(citizen),
            destination=services.person_account(other_citizen),
            amount=2,
            idempotency_key="t1",
            memo="A gift",
            by=None,
        )


@pytest.mark.django_db
@pytest.mark.parametrize("amount", [0, -1, 1.5, "3", True, None, MAX_CREDITS + 1])
def test_led3_amounts_must_be_whole_and_more_than_zero(citizen, amount):
    with pytest.raises(ValidationError):
        issue(citizen, amount, key="bad")
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_led3_a_transfer_to_the_same_account_is_refused(citizen):
    issue(citizen, 3)
    account = services.person_account(citizen)
    with pytest.raises(ValidationError, match="different account"):
        services.credits_transfer(
            source=account,
            destination=account,
            amount=1,
            idempotency_key="self",
            memo="",
            by=None,
        )


@pytest.mark.django_db
def test_led3_the_database_refuses_a_zero_entry(citizen):
    from django.db import IntegrityError, transaction

    txn = issue(citizen, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(transaction=txn, account=services.person_account(citizen), amount=0)


@pytest.mark.django_db
def test_led5_the_same_key_and_request_twice_returns_the_original_and_adds_nothing(citizen, offer):
    issue(citizen, 10)
    first = services.credits_spend(person=citizen, offer=offer, idempotency_key="k", by=citizen)
    count = Entry.objects.count()
    again = services.credits_spend(person=citizen, offer=offer, idempotency_key="k", by=citizen)
    assert again.pk == first.pk and again.replayed and not first.replayed
    assert Entry.objects.count() == count
    assert balance(citizen) == 8


@pytest.mark.django_db
def test_led5_the_same_key_with_a_different_request_is_refused_as_a_conflict(citizen, offer):
    issue(citizen, 10, key="k1")
    other = Offer.objects.create(partner=offer.partner, title="Cinema", credits=1)
    services.credits_spend(person=citizen, offer=offer, idempotency_key="k2", by=citizen)
    for attempt in (
        lambda: services.credits_spend(
            person=citizen, offer=other, idempotency_key="k2", by=citizen
        ),
        lambda: issue(citizen, 11, key="k1"),
    ):
        with pytest.raises(IdempotencyConflict) as caught:
            attempt()
        assert caught.value.status_code == 409
    assert balance(citizen) == 8


@pytest.mark.django_db
def test_led5_someone_else_reusing_my_key_is_refused_not_shown_my_transaction(
    citizen, other_citizen, offer
):
    issue(citizen, 5)
    services.credits_spend(person=citizen, offer=offer, idempotency_key="mine", by=citizen)
    with pytest.raises(IdempotencyConflict):
        services.credits_spend(
            person=other_citizen, offer=offer, idempotency_key="mine", by=other_citizen
        )


@pytest.mark.django_db
def test_flt8_a_retry_after_the_response_was_lost_applies_once(citizen, offer):
    issue(citizen, 4)
    first = services.credits_spend(person=citizen, offer=offer, idempotency_key="r", by=citizen)
    del first  # the response never reached the person; their browser sends it again
    offer.credits = 3  # even if the offer changed meanwhile, the retry is the same request
    offer.save()
    retry = services.credits_spend(person=citizen, offer=offer, idempotency_key="r", by=citizen)
    assert retry.replayed
    assert balance(citizen) == 2
    assert Transaction.objects.filter(idempotency_key="r").count() == 1


@pytest.mark.django_db
def test_spending_on_a_withdrawn_offer_is_refused(citizen, offer):
    issue(citizen, 4)
    offer.is_active = False
    offer.save()
    with pytest.raises(ValidationError, match="no longer available"):
        services.credits_spend(person=citizen, offer=offer, idempotency_key="w", by=citizen)


@pytest.mark.django_db
def test_a_spend_pays_the_partner(citizen, offer):
    issue(citizen, 4)
    services.credits_spend(person=citizen, offer=offer, idempotency_key="p", by=citizen)
    assert Account.objects.get(partner=offer.partner).balance == 2
    assert balances_sum() == 0


@pytest.mark.django_db
def test_led6_a_reversal_mirrors_the_original_and_the_net_effect_is_zero(citizen, admin_user):
    txn = issue(citizen, 6)
    reversal = services.transaction_reverse(
        transaction=txn, idempotency_key="rev", reason="Given twice by mistake", by=admin_user
    )
    assert reversal.reverses_id == txn.pk and reversal.kind == "reversal"
    assert sorted(reversal.entries.values_list("amount", flat=True)) == [-6, 6]
    assert balance(citizen) == 0 and services.issuer_account().balance == 0
    assert ledger_check().clean


@pytest.mark.django_db
def test_led6_reversing_twice_is_refused(citizen, admin_user):
    txn = issue(citizen, 6)
    services.transaction_reverse(transaction=txn, idempotency_key="a", reason="x", by=admin_user)
    with pytest.raises(ValidationError, match="cannot be reversed twice"):
        services.transaction_reverse(
            transaction=txn, idempotency_key="b", reason="x", by=admin_user
        )
    assert Transaction.objects.filter(reverses=txn).count() == 1
    assert balance(citizen) == 0


@pytest.mark.django_db
def test_led6_replaying_the_reversal_key_returns_it_rather_than_refusing(citizen, admin_user):
    txn = issue(citizen, 6)
    first = services.transaction_reverse(
        transaction=txn, idempotency_key="a", reason="x", by=admin_user
    )
    again = services.transaction_reverse(
        transaction=txn, idempotency_key="a", reason="x", by=admin_user
    )
    assert again.pk == first.pk and again.replayed


@pytest.mark.django_db
def test_led6_a_reversal_cannot_itself_be_reversed(citizen, admin_user):
    txn = issue(citizen, 6)
    reversal = services.transaction_reverse(
        transaction=txn, idempotency_key="a", reason="x", by=admin_user
    )
    with pytest.raises(ValidationError, match="cannot itself be reversed"):
        services.transaction_reverse(
            transaction=reversal, idempotency_key="b", reason="x", by=admin_user
        )


@pytest.mark.django_db
def test_led6_a_reversal_that_would_overdraw_someone_is_refused(citizen, offer, admin_user):
    txn = issue(citizen, 2)
    services.credits_spend(person=citizen, offer=offer, idempotency_key="s", by=citizen)
    with pytest.raises(ValidationError, match="Carla has 0 time credits"):
        services.transaction_reverse(
            transaction=txn, idempotency_key="r", reason="x", by=admin_user
        )


@pytest.mark.django_db
def test_led6_a_reversal_needs_a_reason(citizen, admin_user):
    txn = issue(citizen, 2)
    with pytest.raises(ValidationError, match="Say why"):
        services.transaction_reverse(
            transaction=txn, idempotency_key="r", reason="  ", by=admin_user
        )


class TestLed3AmountsAndPairs(TestCase):
    """LED-3 with hypothesis: any amount and any pair of accounts keeps the rules."""

    @given(
        amount=st.one_of(
            st.integers(min_value=-(10**6), max_value=10**6),
            st.floats(allow_nan=True),
            st.decimals(allow_nan=False, allow_infinity=False),
        ),
        pair=st.tuples(st.integers(0, 3), st.integers(0, 3)),
    )
    def test_led3_transfers_obey_the_amount_and_account_rules(self, amount, pair):
        people = [UserFactory() for _ in range(2)]
        partner = Partner.objects.create(name=f"Partner {people[0].pk}")
        accounts = [services.person_account(p) for p in people] + [
            services.partner_account(partner),
            services.issuer_account(),
        ]
        for person in people:
            issue(person, 50, key=f"seed-{person.pk}")
        source, destination = accounts[pair[0]], accounts[pair[1]]
        before = {a.pk: Account.objects.get(pk=a.pk).balance for a in accounts}
        valid = (
            type(amount) is int
            and 0 < amount <= MAX_CREDITS
            and source.pk != destination.pk
            and (source.kind == "issuer" or before[source.pk] >= amount)
        )
        try:
            services.credits_transfer(
                source=source,
                destination=destination,
                amount=amount,
                idempotency_key=f"h-{people[0].pk}",
                memo="",
                by=None,
            )
        except ValidationError:
            assert not valid
            after = {a.pk: Account.objects.get(pk=a.pk).balance for a in accounts}
            assert after == before
        else:
            assert valid
            assert Account.objects.get(pk=source.pk).balance == before[source.pk] - amount
        assert balances_sum() == 0
        assert ledger_check().clean
