"""Moderation: who moderates (a role the council gives), reports, and the append-only log."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from copro.conversations.models.threads import Post
from copro.core.models import BaseModel
from copro.people.models import User
from copro.projects.models import Project


class Moderator(BaseModel):
    """A person an administrator has asked to moderate: in every project (no project) or in
    one project only (their remit). Given in the admin pages; see docs/decisions/0018."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="moderator_roles")
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="moderators"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "project"], name="conv_moderator_once_per_project"
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(project__isnull=True),
                name="conv_moderator_once_everywhere",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} moderates {self.project or 'every project'}"


class Report(BaseModel):
    """Someone says a post breaks the code of conduct, with their reason."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reported_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(max_length=2000)
    dealt_with_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # The moderators' list of reports still to look at.
            models.Index(fields=["dealt_with_at", "created_at"], name="conv_report_open_idx"),
        ]

    def __str__(self) -> str:
        return f"Report on post {self.post_id}"


class ModerationEntry(models.Model):
    """The moderation log for auditors: who did what to which post, when and why. Rows are
    only ever added (the model refuses to change or delete one)."""

    class Action(models.TextChoices):
        REPORTED = "reported", "Reported"
        HIDDEN = "hidden", "Hidden by a moderator"
        RESTORED = "restored", "Put back by a moderator"
        EDITED = "edited", "Changed by its author"
        DELETED = "deleted", "Deleted by its author"

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="moderation_entries")
    action = models.CharField(max_length=10, choices=Action.choices)
    by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(blank=True, max_length=2000)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "moderation entries"

    def __str__(self) -> str:
        return f"{self.get_action_display()}: post {self.post_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("The moderation log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("The moderation log cannot be changed.")
