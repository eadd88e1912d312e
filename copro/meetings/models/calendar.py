"""A private calendar feed per person: calendar apps fetch it without signing in, so the
address carries a secret. Only its hash is kept; deleting the row revokes it."""

from django.db import models
from django.utils import timezone

from copro.people.models import User


class CalendarFeed(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="calendar_feed")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
