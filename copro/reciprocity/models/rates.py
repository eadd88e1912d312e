"""The rate card: what the council gives for each kind of activity, from a date.

A change is a new Rate row with a later `effective_from`; rows are never edited, and a reward
keeps the amounts it was given (LED-12), so a change never rewrites the past.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class ActivityType(models.Model):
    """Attending a meeting, preparing, leading a session, training others, an advice clinic..."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100, unique=True)
    description = models.CharField(max_length=300, blank=True)
    is_active = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Rate(models.Model):
    class PayBasis(models.TextChoices):
        PER_HOUR = "per_hour", "For each hour"
        PER_SESSION = "per_session", "For each session"

    activity_type = models.ForeignKey(ActivityType, on_delete=models.PROTECT, related_name="rates")
    effective_from = models.DateField()
    pay_basis = models.CharField(max_length=12, choices=PayBasis.choices)
    # Money is whole pence; credits are whole credits (DESIGN.md).
    pay_pence = models.PositiveIntegerField()
    credits_per_hour = models.PositiveIntegerField()
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["activity_type__order", "activity_type__name", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity_type", "effective_from"], name="reciprocity_rate_once_a_day"
            ),
            models.CheckConstraint(
                condition=Q(pay_pence__gte=0) & Q(credits_per_hour__gte=0),
                name="reciprocity_rate_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_type} from {self.effective_from:%d %B %Y}"
