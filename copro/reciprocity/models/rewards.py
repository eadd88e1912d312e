"""How each person prefers to be thanked, and the rewards proposed from what they took part in."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from copro.reciprocity.models.ledger import Transaction
from copro.reciprocity.models.rates import ActivityType, Rate


class ThanksChoice(models.TextChoices):
    PAYMENT = "payment", "Payment for my time"
    TIME_CREDITS = "time_credits", "Time credits"
    VOUCHERS = "vouchers", "Vouchers"
    NOTHING = "nothing", "Nothing, thank you"


class ThanksPreference(models.Model):
    """What a person wants back for their time. They can change it whenever they like."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thanks_preference"
    )
    choice = models.CharField(max_length=20, choices=ThanksChoice.choices)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.person}: {self.get_choice_display()}"


class Reward(models.Model):
    """What the council proposes to give someone for one piece of involvement.

    Made from attendance (`reward_propose_for_attendance`), once per person per source
    (CONC-3). The amounts are worked out from the rate card on the day and stored here, so a
    later change to the rate card never alters them (LED-12). Staff confirm it, or change it
    with a reason; confirming pays credits into the ledger or makes a payment claim.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Waiting for staff to confirm"
        CONFIRMED = "confirmed", "Confirmed"

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="rewards"
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    activity_type = models.ForeignKey(ActivityType, on_delete=models.PROTECT, related_name="+")
    # Who reported the involvement and which record it came from, e.g. "meetings.attendance:42".
    source_key = models.CharField(max_length=100)
    occurred_on = models.DateField()
    minutes = models.PositiveIntegerField()
    # The rate card as it stood on `occurred_on`, copied (LED-12).
    rate = models.ForeignKey(Rate, null=True, on_delete=models.PROTECT, related_name="+")
    rate_pay_basis = models.CharField(max_length=12, blank=True)
    rate_pay_pence = models.PositiveIntegerField(default=0)
    rate_credits_per_hour = models.PositiveIntegerField(default=0)
    # What the person asked for when it was proposed; empty when they had not said.
    preference = models.CharField(max_length=20, choices=ThanksChoice.choices, blank=True)
    proposed_pay_pence = models.PositiveIntegerField(default=0)
    proposed_credits = models.PositiveIntegerField(default=0)
    proposed_at = models.DateTimeField(default=timezone.now)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    # What was given, as confirmed by staff.
    given_as = models.CharField(max_length=20, choices=ThanksChoice.choices, blank=True)
    given_pay_pence = models.PositiveIntegerField(default=0)
    given_credits = models.PositiveIntegerField(default=0)
    adjustment_reason = models.CharField(max_length=500, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    credit_transaction = models.OneToOneField(
        Transaction, null=True, blank=True, on_delete=models.PROTECT, related_name="reward"
    )

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            # Saving attendance twice never proposes two rewards (CONC-3).
            models.UniqueConstraint(
                fields=["person", "source_key"], name="reciprocity_reward_once_per_source"
            ),
            models.CheckConstraint(condition=Q(minutes__gt=0), name="reciprocity_reward_minutes"),
            models.CheckConstraint(
                condition=Q(status="proposed") | (~Q(given_as="") & Q(confirmed_at__isnull=False)),
                name="reciprocity_reward_confirmed_fully",
            ),
        ]
        indexes = [
            # "Nobody left out" and the confirm list: proposals by status and date.
            models.Index(fields=["status", "occurred_on"], name="reciprocity_reward_status"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_type} on {self.occurred_on:%d %B %Y} for {self.person}"

    @property
    def hours_text(self) -> str:
        hours, minutes = divmod(self.minutes, 60)
        parts = []
        if hours:
            parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
        if minutes:
            parts.append(f"{minutes} minutes")
        return " and ".join(parts)
