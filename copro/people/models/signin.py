"""Invitations and one-time sign-in links (AUTH-3, AUTH-4, decision 0002).

A raw token is never stored: only its SHA-256, so a copy of the database cannot be used to sign
in. The raw token exists only in the e-mail that was sent.
"""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from copro.people.models.user import User


class Invitation(models.Model):
    """A member of staff asks someone to join. Single use; valid for 14 days."""

    email = models.EmailField("email address", max_length=254)
    display_name = models.CharField("name to show", max_length=80)
    role = models.CharField(max_length=20, choices=User.Role.choices, default=User.Role.CITIZEN)
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    # Unique, so also the index for looking an invitation up by the hash of its token.
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations_accepted",
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")),
                name="people_invitation_expires_after_created",
            ),
            # An account is only ever made from an invitation that has been accepted.
            models.CheckConstraint(
                condition=Q(accepted_user__isnull=True) | Q(accepted_at__isnull=False),
                name="people_invitation_user_only_when_accepted",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation for {self.display_name}"

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.accepted_at is None and now < self.expires_at


class SignInLink(models.Model):
    """A one-time link to sign in without a password. Single use; valid for 10 minutes."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sign_in_links")
    # Unique, so also the index for looking a link up by the hash of its token.
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")),
                name="people_signinlink_expires_after_created",
            ),
        ]

    def __str__(self) -> str:
        return f"Sign-in link made {self.created_at:%d %B %Y %H:%M}"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.used_at is None and now < self.expires_at


class SignInLinkRequest(models.Model):
    """One request for a sign-in link, kept for the rate limit (API-5).

    In the database, not in process memory, because several app processes share the limit.
    Rows older than the limit's window are deleted as new ones arrive.
    """

    identifier_hash = models.CharField(max_length=64)  # hashed_identifier(email), never the email
    ip = models.CharField(max_length=45, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            # "How many links for this email address in the last 15 minutes?"
            models.Index(fields=["identifier_hash", "created_at"], name="people_linkreq_ident_idx"),
            # "How many links from this address in the last 15 minutes?"
            models.Index(fields=["ip", "created_at"], name="people_linkreq_ip_idx"),
            # Pruning rows older than the window.
            models.Index(fields=["created_at"], name="people_linkreq_created_idx"),
        ]

    def __str__(self) -> str:
        return f"Sign-in link request at {self.created_at:%d %B %Y %H:%M}"
