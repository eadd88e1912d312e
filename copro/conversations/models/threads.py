"""Conversations between meetings: a thread on a project (or on one of its open decisions, or on
a meeting paper), and the posts in it. Nothing is ever silently removed: a post hidden by a
moderator or deleted by its author keeps its row and says so where it was."""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from copro.core.models import BaseModel
from copro.meetings.models import Paper
from copro.people.models import User
from copro.projects.models import Contribution, Decision, Project


class Thread(BaseModel):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed with a summary"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="threads")
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="threads"
    )
    paper = models.ForeignKey(
        Paper, null=True, blank=True, on_delete=models.SET_NULL, related_name="threads"
    )
    title = models.CharField(max_length=150)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    summary = models.TextField(blank=True, max_length=5000)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Where the summary went next, keeping the link back.
    idea = models.ForeignKey(
        Contribution, null=True, blank=True, on_delete=models.SET_NULL, related_name="threads"
    )
    proposal = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_post_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_post_at", "-pk"]
        indexes = [
            # The project's conversations page, newest activity first.
            models.Index(fields=["project", "-last_post_at"], name="conv_thread_project_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("conversations:thread", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Post(BaseModel):
    class Status(models.TextChoices):
        SHOWN = "shown", "Shown"
        HIDDEN = "hidden", "Hidden by a moderator"
        DELETED = "deleted", "Deleted by its author"

    class Route(models.TextChoices):
        ONLINE = "online", "Written here"
        PHONE = "phone", "Given by phone"
        POST = "post", "Sent by post"

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="conversation_posts")
    # Someone who takes part by phone or post: a member of the team writes it for them.
    route = models.CharField(max_length=10, choices=Route.choices, default=Route.ONLINE)
    entered_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(max_length=10000)
    quote = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SHOWN)
    hidden_reason = models.TextField(blank=True, max_length=1000)
    edited_at = models.DateTimeField(null=True, blank=True)
    # An attached paper, checked like a meeting paper (type by content, size, virus scan).
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment_stored = models.CharField(max_length=200, blank=True)
    attachment_kind = models.CharField(max_length=5, blank=True)
    attachment_size = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # A thread's page: its posts in order.
            models.Index(fields=["thread", "created_at"], name="conv_post_thread_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="hidden") | ~models.Q(hidden_reason=""),
                name="conv_hidden_post_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk} in {self.thread_id}"

    def get_absolute_url(self) -> str:
        return reverse("conversations:thread", args=[self.thread_id]) + f"#post-{self.pk}"

    @property
    def is_shown(self) -> bool:
        return self.status == self.Status.SHOWN

    @property
    def content_type(self) -> str:
        return Paper.CONTENT_TYPES.get(self.attachment_kind, "application/octet-stream")


class PostEdit(models.Model):
    """What a post said before its author changed it: the history is kept."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="edits")
    body_before = models.TextField()
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["edited_at", "pk"]

    def __str__(self) -> str:
        return f"Edit of post {self.post_id}"
