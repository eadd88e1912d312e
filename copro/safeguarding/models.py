"""Safeguarding concerns: "I'm worried about someone". A concern goes only to the council's
designated safeguarding leads, never to a project. Who raised it, what, when and what was done
are kept; every time anyone opens a concern is logged (ConcernView)."""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from copro.conversations.models import Post
from copro.core.models import BaseModel
from copro.people.models import User


class SafeguardingLead(BaseModel):
    """A person the council designates as a safeguarding lead. Given by administrators in the
    admin pages (docs/decisions/0019)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="safeguarding_lead")

    def __str__(self) -> str:
        return f"{self.user} (safeguarding lead)"


class Concern(BaseModel):
    class Status(models.TextChoices):
        NEW = "new", "New: not looked at yet"
        IN_HAND = "in_hand", "Being dealt with"
        CLOSED = "closed", "Closed"

    raised_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="concerns_raised")
    # Who the person is worried about, in their own words (they may not know a name).
    about = models.CharField(max_length=200, blank=True)
    what = models.TextField(max_length=10000)
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)

    class Meta:
        ordering = ["-raised_at", "-pk"]
        indexes = [
            # The leads' list, newest first; someone's own concerns.
            models.Index(fields=["-raised_at"], name="safe_concern_raised_idx"),
            models.Index(fields=["raised_by", "-raised_at"], name="safe_concern_mine_idx"),
        ]

    def __str__(self) -> str:
        return f"Concern {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("safeguarding:concern", args=[self.pk])


class ConcernAction(models.Model):
    """What a lead did about a concern. Added only."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="actions")
    by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(max_length=5000)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"Action on concern {self.concern_id}"


class ConcernView(models.Model):
    """Every time someone opened a concern: who and when."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="views")
    viewer = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    route = models.CharField(max_length=20)  # "page" or "api"

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"Concern {self.concern_id} opened"
