"""Writes to the time-credit ledger. Every write:

- runs in one database transaction and locks the accounts it touches, always in the order of
  their ids, so two writers never wait for each other in a circle (no deadlock);
- writes entries that sum to zero, and moves each cached balance in the same transaction;
- refuses to take anyone but the council's issuing account below zero (LED-4);
- is idempotent: the same key with the same request returns the original transaction and
  writes nothing; the same key with a different request is refused (`IdempotencyConflict`,
  409 in an API) (LED-5, LED-10, FLT-8). Keys from web requests go through `request_key`
  first, which scopes them to the person and the kind of write.
"""

import hashlib
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from copro.people.models import User
from copro.reciprocity.models import Account, Entry, MoneyAudit, Offer, Partner, Transaction

# A sanity limit on one movement: far above any real use, far below the database's limits.
MAX_CREDITS = 100_000


class IdempotencyConflict(ValidationError):
    """This key was already used for a different request. An API answers 409."""

    status_code = 409

    def __init__(self):
        super().__init__(
            "This request has already been used for something different. "
            "Go back, reload the page and try again."
        )


def _plural(n: int) -> str:
    return f"{n} time credit{'s' if abs(n) != 1 else ''}"


def request_key(*, kind: str, person: User, key: str) -> str:
    """The key to store for a key that came with a web request: scoped to the person sending
    it and the kind of write, so one person's key can never match anyone else's, nor a key the
    service makes itself (such as a reward's); nobody can pre-claim someone else's write
    (LED-5). The sent key is hashed, so any text up to 100 characters fits."""
    sent = _check_key(key)
    digest = hashlib.sha256(sent.encode()).hexdigest()[:40]
    return f"web:{kind}:{person.pk}:{digest}"


def _check_key(key: str) -> str:
    key = (key or "").strip()
    if not key or len(key) > 100:
        raise ValidationError("Each request needs its own reference of 1 to 100 characters")
    return key


def _check_credits(amount) -> int:
    # bool is an int in Python; money and credits are never floats or Decimals (LED-13).
    if type(amount) is not int:
        raise ValidationError({"amount": "Enter a whole number of time credits"})
    if amount <= 0:
        raise ValidationError({"amount": "Enter a number of time credits more than 0"})
    if amount > MAX_CREDITS:
        raise ValidationError({"amount": f"Enter {MAX_CREDITS:,} time credits or fewer"})
    return amount


def _hash(payload: dict) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _replay(key: str, payload_hash: str) -> Transaction | None:
    existing = Transaction.objects.filter(idempotency_key=key).first()
    if existing is None:
        return None
    if existing.payload_hash != payload_hash:
        raise IdempotencyConflict
    existing.replayed = True
    return existing


def _get_or_create(lookup: dict, **create) -> Account:
    account = Account.objects.filter(**lookup).first()
    if account is not None:
        return account
    try:
        with transaction.atomic():
            return Account.objects.create(**lookup, **create)
    except IntegrityError:  # made by a concurrent request just now
        return Account.objects.get(**lookup)


def issuer_account() -> Account:
    return _get_or_create({"kind": Account.Kind.ISSUER})


def person_account(person: User) -> Account:
    return _get_or_create({"person": person}, kind=Account.Kind.PERSON)


def partner_account(partner: Partner) -> Account:
    return _get_or_create({"partner": partner}, kind=Account.Kind.PARTNER)


@dataclass(frozen=True)
class _Posting:
    kind: str
    key: str
    payload: dict
    lines: list[tuple[int, int]]  # (account id, amount)
    memo: str
    by: User | None
    offer: Offer | None = None
    reverses: Transaction | None = None


def _lock(account_ids) -> dict[int, Account]:
    # Always in id order: the same order for every writer, so no deadlocks (LED-8, LED-9).
    locked = (
        Account.objects.select_for_update(of=("self",))
        .filter(pk__in=set(account_ids))
        .select_related("person", "partner")
        .order_by("pk")
    )
    return {account.pk: account for account in locked}


def _refuse_overdraft(accounts: dict[int, Account], deltas: dict[int, int], by) -> None:
    for account_id, delta in deltas.items():
        account = accounts[account_id]
        # The issuer mints credits, so only its balance may go below zero.
        if account.kind == Account.Kind.ISSUER or account.balance + delta >= 0:
            continue
        if account.person_id is not None and by is not None and account.person_id == by.pk:
            owner = "You have"
        else:
            owner = f"{account.person or account.partner} has"
        raise ValidationError(
            f"{owner} {_plural(account.balance)}, which is not enough: this needs "
            f"{_plural(-delta)}."
        )


def _post(posting: _Posting) -> Transaction:
    payload_hash = _hash(posting.payload)
    if (existing := _replay(posting.key, payload_hash)) is not None:
        return existing
    deltas: dict[int, int] = {}
    for account_id, amount in posting.lines:
        deltas[account_id] = deltas.get(account_id, 0) + amount
    if sum(deltas.values()) != 0 or any(amount == 0 for _, amount in posting.lines):
        raise ValidationError("A ledger transaction must balance: its entries must sum to zero")
    accounts = _lock(deltas)
    # Checked again under the locks: a twin request may have finished while we waited.
    if (existing := _replay(posting.key, payload_hash)) is not None:
        return existing
    if (
        posting.reverses is not None
        and Transaction.objects.filter(reverses=posting.reverses).exists()
    ):
        raise ValidationError("This has already been corrected: it cannot be reversed twice")
    _refuse_overdraft(accounts, deltas, posting.by)
    try:
        with transaction.atomic():
            txn = Transaction.objects.create(
                idempotency_key=posting.key,
                payload_hash=payload_hash,
                kind=posting.kind,
                reverses=posting.reverses,
                offer=posting.offer,
                memo=posting.memo[:200],
                created_by=posting.by,
            )
    except IntegrityError:
        # The same key, or a second reversal of the same transaction, committed meanwhile.
        if (existing := _replay(posting.key, payload_hash)) is not None:
            return existing
        raise ValidationError(
            "This has already been corrected: it cannot be reversed twice"
        ) from None
    Entry.objects.bulk_create(
        [Entry(transaction=txn, account_id=a, amount=amount) for a, amount in posting.lines]
    )
    for account_id, delta in sorted(deltas.items()):
        if delta:
            Account.objects.filter(pk=account_id).update(balance=F("balance") + delta)
    txn.replayed = False
    return txn


@transaction.atomic
def credits_issue(
    *, person: User, amount: int, idempotency_key: str, memo: str, by: User | None
) -> Transaction:
    """The council gives `person` time credits (its issuing account goes down by as many)."""
    key, amount = _check_key(idempotency_key), _check_credits(amount)
    source, destination = issuer_account(), person_account(person)
    txn = _post(
        _Posting(
            kind=Transaction.Kind.ISSUE,
            key=key,
            payload={"issue": person.pk, "amount": amount, "memo": memo, "by": _pk(by)},
            lines=[(source.pk, -amount), (destination.pk, amount)],
            memo=memo,
            by=by,
        )
    )
    if not txn.replayed and by is not None:
        MoneyAudit.objects.create(
            by=by,
            person=person,
            action=MoneyAudit.Action.CREDITS_ISSUED,
            transaction=txn,
            credits=amount,
            reason=memo[:500],
        )
    return txn


@transaction.atomic
def credits_spend(*, person: User, offer: Offer, idempotency_key: str, by: User) -> Transaction:
    """`person` spends credits on a partner's offer; the partner's account receives them."""
    key = _check_key(idempotency_key)
    payload = {"spend": person.pk, "offer": offer.pk, "by": _pk(by)}
    if (existing := _replay(key, _hash(payload))) is not None:
        return existing  # a retry returns the original even if the offer has changed since
    offer = Offer.objects.select_related("partner").get(pk=offer.pk)
    if not (offer.is_active and offer.partner.is_active):
        raise ValidationError("This offer is no longer available")
    amount = _check_credits(offer.credits)
    source, destination = person_account(person), partner_account(offer.partner)
    return _post(
        _Posting(
            kind=Transaction.Kind.SPEND,
            key=key,
            payload=payload,
            lines=[(source.pk, -amount), (destination.pk, amount)],
            memo=f"{offer.title} from {offer.partner.name}",
            by=by,
            offer=offer,
        )
    )


@transaction.atomic
def credits_transfer(
    *,
    source: Account,
    destination: Account,
    amount: int,
    idempotency_key: str,
    memo: str,
    by: User | None,
) -> Transaction:
    """Move credits between any two accounts (a gift to a friend, a partner redeeming)."""
    key, amount = _check_key(idempotency_key), _check_credits(amount)
    if source.pk == destination.pk:
        raise ValidationError({"destination": "Choose a different account to move credits to"})
    return _post(
        _Posting(
            kind=Transaction.Kind.TRANSFER,
            key=key,
            payload={
                "from": source.pk,
                "to": destination.pk,
                "amount": amount,
                "memo": memo,
                "by": _pk(by),
            },
            lines=[(source.pk, -amount), (destination.pk, amount)],
            memo=memo,
            by=by,
        )
    )


@transaction.atomic
def transaction_reverse(
    *, transaction: Transaction, idempotency_key: str, reason: str, by: User
) -> Transaction:
    """Correct a transaction with its mirror image. Once only; a correction is never reversed
    (LED-6). Refused if it would leave someone below zero: correct what they spent first."""
    key = _check_key(idempotency_key)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why this is being corrected"})
    payload = {"reverse": transaction.pk, "reason": reason, "by": _pk(by)}
    if (existing := _replay(key, _hash(payload))) is not None:
        return existing
    original = Transaction.objects.get(pk=transaction.pk)
    if original.kind == Transaction.Kind.REVERSAL:
        raise ValidationError("A correction cannot itself be reversed")
    entries = list(original.entries.select_related("account"))
    txn = _post(
        _Posting(
            kind=Transaction.Kind.REVERSAL,
            key=key,
            payload=payload,
            lines=[(entry.account_id, -entry.amount) for entry in entries],
            memo=f"Correction of {original.get_kind_display().lower()} #{original.pk}: {reason}",
            by=by,
            reverses=original,
        )
    )
    if not txn.replayed:
        MoneyAudit.objects.bulk_create(
            [
                MoneyAudit(
                    by=by,
                    person_id=entry.account.person_id,
                    action=MoneyAudit.Action.CREDITS_REVERSED,
                    transaction=txn,
                    credits=-entry.amount,
                    reason=reason[:500],
                )
                for entry in entries
                if entry.account.person_id is not None
            ]
        )
    return txn


def _pk(user: User | None) -> int | None:
    return user.pk if user is not None else None
