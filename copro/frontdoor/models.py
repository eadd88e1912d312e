"""Someone who is not yet taking part asks to get involved; staff welcome them."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from copro.people.models import User
from copro.people.models.signin import Invitation


class GetInvolvedRequest(models.Model):
    """A request from the public "Get involved" form. No account is needed to send one."""

    class ContactMethod(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone"
        POST = "post", "Post"

    class Status(models.TextChoices):
        NEW = "new", "Waiting for a welcome call"
        CALLED = "called", "Welcome call made"
        INVITED = "invited", "Invited to make an account"
        RECORDED = "recorded", "Record kept for them (no email)"
        DECLINED = "declined", "Declined"

    OPEN_STATUSES = (Status.NEW, Status.CALLED)

    name = models.CharField("your name", max_length=80)
    contact_method = models.CharField(max_length=10, choices=ContactMethod.choices)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    postal_address = models.TextField(max_length=500, blank=True)
    what_i_bring = models.TextField(max_length=2000, blank=True)
    areas = models.TextField(max_length=1000, blank=True)
    access_needs = models.TextField(max_length=2000, blank=True)
    call_back = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    received_at = models.DateTimeField(default=timezone.now)
    call_note = models.TextField(max_length=2000, blank=True)
    called_at = models.DateTimeField(null=True, blank=True)
    called_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decline_reason = models.TextField(max_length=1000, blank=True)
    invitation = models.ForeignKey(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The person's record, once made (an account from the invitation, or a record without email).
    person = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="get_involved_requests",
    )

    class Meta:
        ordering = ["received_at", "pk"]
        indexes = [
            # The staff queue and the "What's next" count: open requests, oldest first.
            models.Index(fields=["status", "received_at"], name="frontdoor_request_queue_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="frontdoor_request_declined_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Get involved: {self.name}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def contact_line(self) -> str:
        if self.contact_method == self.ContactMethod.EMAIL:
            return self.email
        if self.contact_method == self.ContactMethod.PHONE:
            return self.phone
        return self.postal_address


class GetInvolvedAttempt(models.Model):
    """One sent form, kept only for the rate limit (like sign-in link requests, API-5).

    In the database, because several app processes share the limit. Holds no personal data:
    the address is hashed. Rows older than the window are deleted as new ones arrive."""

    ip_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            # "How many forms from this address in the last hour?"
            models.Index(fields=["ip_hash", "created_at"], name="frontdoor_attempt_ip_idx"),
            # Pruning rows older than the window.
            models.Index(fields=["created_at"], name="frontdoor_attempt_created_idx"),
        ]

    def __str__(self) -> str:
        return f"Get involved form at {self.created_at:%d %B %Y %H:%M}"


class WelcomeSkip(models.Model):
    """The person chose to skip the guided start on the home page."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="+")
    skipped_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Guided start skipped on {self.skipped_at:%d %B %Y}"
