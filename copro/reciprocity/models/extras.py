"""Expenses (kept apart: refunding costs is not reciprocity) and recognition."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Expense(models.Model):
    """Money a person spent so that they could take part: refunded on its own track and never
    counted as getting something back (FRAMEWORK.md, "Reciprocity")."""

    class Kind(models.TextChoices):
        TRAVEL = "travel", "Travel"
        CARE_COVER = "care_cover", "Care cover while I took part"
        OTHER = "other", "Something else"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Waiting for a decision"
        APPROVED = "approved", "Approved, waiting to be paid"
        PAID = "paid", "Paid"
        REJECTED = "rejected", "Not approved"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="expenses"
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    description = models.CharField(max_length=300)
    amount_pence = models.PositiveIntegerField()
    incurred_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    paid_on = models.DateField(null=True, blank=True)
    # The receipt, if one was sent: checked by content (receipts.py) and kept under a generated
    # name, never the person's own; offered only through the download page, as an attachment.
    receipt_stored_name = models.CharField(max_length=200, blank=True)
    receipt_name = models.CharField(max_length=200, blank=True)  # cleaned; for the download
    receipt_kind = models.CharField(max_length=3, blank=True)  # pdf, jpg or png, from content
    receipt_size = models.PositiveIntegerField(default=0)
    receipt_sha256 = models.CharField(max_length=64, blank=True)
    # The reference made when the form was shown: the same form sent twice (a double click)
    # makes one expense (LED-5). Empty for expenses entered another way.
    request_key = models.CharField(max_length=100, blank=True, default="", editable=False)

    class Meta:
        ordering = ["-incurred_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "request_key"],
                condition=~Q(request_key=""),
                name="reciprocity_expense_one_per_request_key",
            ),
            models.CheckConstraint(
                condition=Q(amount_pence__gt=0), name="reciprocity_expense_amount_positive"
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""),
                name="reciprocity_expense_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=models.F("person")),
                name="reciprocity_expense_not_self_approved",
            ),
        ]
        indexes = [
            # Staff's list of expenses waiting for a decision.
            models.Index(fields=["status", "incurred_on"], name="reciprocity_expense_status"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description}"

    @property
    def has_receipt(self) -> bool:
        return bool(self.receipt_stored_name)

    @property
    def receipt_content_type(self) -> str:
        from copro.reciprocity.receipts import CONTENT_TYPES

        return CONTENT_TYPES.get(self.receipt_kind, "application/octet-stream")

    @property
    def finance_keeps_receipt(self) -> bool:
        """Money was paid back, or agreed: finance must keep the evidence for audit and tax
        even if the person deletes their account."""
        return self.status in (self.Status.APPROVED, self.Status.PAID)


class Recognition(models.Model):
    """A thank-you that is not money: a certificate, a letter, an invitation, a training place."""

    class Kind(models.TextChoices):
        CERTIFICATE = "certificate", "Certificate"
        THANK_YOU_LETTER = "thank_you_letter", "Thank-you letter"
        INVITATION = "invitation", "Invitation to an event"
        TRAINING_PLACE = "training_place", "Place on training"
        OTHER = "other", "Something else"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recognitions"
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=150)
    description = models.TextField(blank=True, max_length=2000)
    given_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-given_on", "-pk"]

    def __str__(self) -> str:
        return self.title
