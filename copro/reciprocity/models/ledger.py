"""The time-credit ledger: double entry, append-only (docs/decisions/0006-time-credit-ledger.md).

Every Transaction has two or more Entries whose amounts sum to zero. Transactions and entries
are never changed or deleted (database triggers refuse it); a correction is a reversing
transaction. Each account keeps a cached balance, changed in the same database transaction as
its entries and checked against them by `copro ledger-check`.

Foreign keys here PROTECT: the ledger outlives everything it points at (a person who deletes
their account stays as an anonymous placeholder).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Partner(models.Model):
    """An organisation that accepts time credits for its offers (a swim, a cinema ticket)."""

    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True, max_length=2000)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Offer(models.Model):
    """Something a partner gives in return for time credits: the simple catalogue."""

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="offers")
    title = models.CharField(max_length=150)
    description = models.TextField(blank=True, max_length=2000)
    credits = models.PositiveIntegerField()
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["partner__name", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(credits__gt=0), name="reciprocity_offer_costs"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.partner})"


class Account(models.Model):
    """Where credits are held: a person's, a partner's, or the council's issuing account.

    The issuer mints credits, so its balance goes negative by exactly the credits in
    circulation; nobody else's may ever go below zero (LED-4), which the database checks too.
    """

    class Kind(models.TextChoices):
        PERSON = "person", "A person"
        PARTNER = "partner", "A partner"
        ISSUER = "issuer", "The council (issues credits)"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credit_account",
    )
    partner = models.OneToOneField(
        Partner, null=True, blank=True, on_delete=models.PROTECT, related_name="account"
    )
    # The sum of this account's entries, kept in the same transaction as they are written.
    balance = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="issuer") | Q(balance__gte=0),
                name="reciprocity_account_no_overdraft",
            ),
            models.CheckConstraint(
                condition=(Q(kind="person", person__isnull=False, partner__isnull=True))
                | Q(kind="partner", partner__isnull=False, person__isnull=True)
                | Q(kind="issuer", person__isnull=True, partner__isnull=True),
                name="reciprocity_account_owner_matches_kind",
            ),
            # One issuing account for the whole council.
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="issuer"), name="reciprocity_one_issuer"
            ),
        ]

    def __str__(self) -> str:
        if self.kind == self.Kind.PERSON:
            return f"Credits of {self.person}"
        if self.kind == self.Kind.PARTNER:
            return f"Credits of {self.partner}"
        return "Council issuing account"


class Transaction(models.Model):
    """One movement of credits: its entries sum to zero. Never changed once written."""

    class Kind(models.TextChoices):
        ISSUE = "issue", "Credits given"
        SPEND = "spend", "Credits spent"
        TRANSFER = "transfer", "Credits moved"
        REVERSAL = "reversal", "Correction"

    # Chosen by the caller (a form makes one when it is shown): the same key twice is the same
    # request, so a double click or a retry after a lost response applies once (LED-5, FLT-8).
    idempotency_key = models.CharField(max_length=100, unique=True)
    # What the request asked for, so that a key reused for something else is refused.
    payload_hash = models.CharField(max_length=64)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # Unique: a transaction can be reversed once only (LED-6).
    reverses = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_by"
    )
    offer = models.ForeignKey(
        Offer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    memo = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="reversal", reverses__isnull=False)
                | (~Q(kind="reversal") & Q(reverses__isnull=True)),
                name="reciprocity_reversal_names_its_original",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Entry(models.Model):
    """One side of a transaction: a whole number of credits into (+) or out of (-) an account."""

    transaction = models.ForeignKey(Transaction, on_delete=models.PROTECT, related_name="entries")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    amount = models.BigIntegerField()

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="reciprocity_entry_not_zero"),
        ]
        indexes = [
            # A person's statement: their entries, newest first, a page at a time.
            models.Index(fields=["account", "-id"], name="reciprocity_entry_statement"),
        ]

    def __str__(self) -> str:
        return f"{self.amount:+d} to {self.account}"
