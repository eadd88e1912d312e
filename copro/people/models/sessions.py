from django.db import models
from django.utils import timezone

from copro.people.models.user import User


class SignedInSession(models.Model):
    """One place a person is signed in, so that they can see it and sign it out (AUTH-9)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="signed_in_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    device = models.CharField(max_length=120, blank=True)
    signed_in_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-signed_in_at"]

    def __str__(self) -> str:
        return f"{self.device or 'A device'} since {self.signed_in_at:%d %B %Y %H:%M}"
