"""Payments for people's time: claims, the batches sent to finance, and the money audit trail."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from copro.reciprocity.models.ledger import Transaction
from copro.reciprocity.models.rewards import Reward


class ExportBatch(models.Model):
    """One CSV file sent to finance. Each claim is in exactly one batch (LED-15); the file is
    kept as it was made, so downloading it again gives the same bytes."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    claim_count = models.PositiveIntegerField()
    total_pence = models.BigIntegerField()
    csv_text = models.TextField()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Finance export {self.pk}"

    @property
    def filename(self) -> str:
        return f"payment-claims-{self.pk:05d}.csv"


class PaymentClaim(models.Model):
    """A payment for someone's time, or a voucher, on its way to being paid.

    draft -> submitted -> approved -> paid, or submitted -> rejected with a reason (AZ-12).
    Whoever approves can be neither the person paid nor whoever made the claim (AZ-10).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Waiting for approval"
        APPROVED = "approved", "Approved, waiting to be paid"
        PAID = "paid", "Paid"
        REJECTED = "rejected", "Not approved"

    class Method(models.TextChoices):
        BANK = "bank", "Payment into a bank account"
        VOUCHER = "voucher", "A voucher"

    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="payment_claims"
    )
    reward = models.OneToOneField(
        Reward, null=True, blank=True, on_delete=models.PROTECT, related_name="claim"
    )
    method = models.CharField(max_length=10, choices=Method.choices, default=Method.BANK)
    description = models.CharField(max_length=300)
    amount_pence = models.PositiveIntegerField()
    # The day of the activity: "days to payment" count from here.
    activity_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejected_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.CharField(max_length=500, blank=True)
    export_batch = models.ForeignKey(
        ExportBatch, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    paid_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["activity_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_pence__gt=0), name="reciprocity_claim_amount_positive"
            ),
            # Separation of duties, in the database as well as the service (AZ-10).
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | (~Q(approved_by=F("claimant")) & ~Q(approved_by=F("created_by"))),
                name="reciprocity_claim_approver_independent",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "paid"]) | Q(approved_by__isnull=False),
                name="reciprocity_claim_approved_has_approver",
            ),
            models.CheckConstraint(
                condition=~Q(status="paid") | Q(paid_on__isnull=False),
                name="reciprocity_claim_paid_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="reciprocity_claim_rejection_has_reason",
            ),
        ]
        indexes = [
            # The approval list and the "not paid on time" flags.
            models.Index(fields=["status", "activity_on"], name="reciprocity_claim_status"),
            # A person's payments and their tax-year totals.
            models.Index(fields=["claimant", "paid_on"], name="reciprocity_claim_person"),
        ]

    def __str__(self) -> str:
        return f"Claim {self.pk}: {self.description}"

    @property
    def reference(self) -> str:
        return f"C{self.pk:06d}"

    @property
    def days_to_payment(self) -> int | None:
        if self.paid_on is None:
            return None
        return (self.paid_on - self.activity_on).days

    def days_waiting(self, today) -> int:
        return (today - self.activity_on).days


class MoneyAudit(models.Model):
    """Who did what to whose money, when and why (LOG-5). Append-only, like the ledger."""

    class Action(models.TextChoices):
        REWARD_CONFIRMED = "reward_confirmed", "Reward confirmed"
        REWARD_ADJUSTED = "reward_adjusted", "Reward changed and confirmed"
        CLAIM_CREATED = "claim_created", "Claim made"
        CLAIM_SUBMITTED = "claim_submitted", "Claim sent for approval"
        CLAIM_APPROVED = "claim_approved", "Claim approved"
        CLAIM_REJECTED = "claim_rejected", "Claim not approved"
        CLAIM_EXPORTED = "claim_exported", "Claim sent to finance"
        CLAIM_PAID = "claim_paid", "Claim paid"
        CREDITS_ISSUED = "credits_issued", "Time credits given"
        CREDITS_REVERSED = "credits_reversed", "Time credits corrected"
        EXPENSE_DECIDED = "expense_decided", "Expense decided"
        EXPENSE_PAID = "expense_paid", "Expense paid"
        RATE_SET = "rate_set", "Rate card changed"

    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The person whose money it is (empty for a rate-card change).
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="money_audit",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    claim = models.ForeignKey(PaymentClaim, null=True, on_delete=models.PROTECT, related_name="+")
    reward = models.ForeignKey(Reward, null=True, on_delete=models.PROTECT, related_name="+")
    transaction = models.ForeignKey(
        Transaction, null=True, on_delete=models.PROTECT, related_name="+"
    )
    expense = models.ForeignKey(
        "reciprocity.Expense", null=True, on_delete=models.PROTECT, related_name="+"
    )
    amount_pence = models.BigIntegerField(null=True)
    credits = models.BigIntegerField(null=True)
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            # A person's own trail on "My thanks".
            models.Index(fields=["person", "-at"], name="reciprocity_audit_person"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.by} at {self.at:%d %B %Y %H:%M}"
