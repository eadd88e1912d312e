"""How ready the organisation is for co-production, and audits of how well it is doing.

Readiness: one row per step of the seven steps to get started (`framework.SevenStep`), made the
first time someone records anything about the step. Every change leaves a `ReadinessChange`.

Audit: a mixed group scores the organisation, or one project, against statements grouped under
the four principles, from 1 (no action yet) to 5 (fully embedded). Each participant gives their
own scores; the round shows the middle (median) and average figures.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from copro.core.models import BaseModel
from copro.framework.models import Principle, SevenStep

LOWEST_SCORE = 1
HIGHEST_SCORE = 5


class Readiness(BaseModel):
    """Where the organisation is with one of the seven steps."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    step = models.OneToOneField(SevenStep, on_delete=models.PROTECT, related_name="readiness")
    status = models.CharField(max_length=20, choices=Status, default=Status.NOT_STARTED)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="readiness_steps_owned",
        help_text="The person who looks after this step.",
    )
    evidence = models.TextField(blank=True, max_length=5000)
    review_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["step__order"]
        verbose_name_plural = "readiness"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["not_started", "in_progress", "done"]),
                name="readiness_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.step.name}: {self.get_status_display()}"

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.review_on is not None and self.review_on < (today or timezone.localdate())


class ReadinessChange(models.Model):
    """One change to a step's readiness: who changed what, when, from what to what."""

    readiness = models.ForeignKey(Readiness, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    what = models.CharField(max_length=40)
    before = models.TextField(blank=True)
    after = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [
            # The step page lists its changes, newest first.
            models.Index(fields=["readiness", "changed_at"], name="readiness_change_step_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.what} changed on {self.changed_at:%Y-%m-%d}"


class AuditStatement(BaseModel):
    """Something a co-producing organisation does, scored from 1 to 5 under one principle."""

    principle = models.ForeignKey(
        Principle, on_delete=models.PROTECT, related_name="audit_statements"
    )
    order = models.PositiveSmallIntegerField(help_text="Where this comes under its principle.")
    text = models.CharField(max_length=300)
    is_active = models.BooleanField(default=True, help_text="Untick to leave it out of new scores.")

    class Meta:
        ordering = ["principle__order", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["principle", "order"], name="readiness_statement_order_once"
            ),
        ]

    def __str__(self) -> str:
        return self.text


class AuditRound(BaseModel):
    """One go at the audit, of the whole organisation (no project) or of one project."""

    class Status(models.TextChoices):
        OPEN = "open", "Open for scores"
        CLOSED = "closed", "Closed"

    title = models.CharField(max_length=150)
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="audit_rounds",
        help_text="Leave empty to audit the whole organisation.",
    )
    held_on = models.DateField(default=timezone.localdate)
    status = models.CharField(max_length=10, choices=Status, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [
            # The trend: the rounds of one subject (a project, or none) in date order.
            models.Index(fields=["project", "held_on"], name="readiness_round_subject_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["open", "closed"]), name="readiness_round_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | Q(status="closed"),
                name="readiness_round_published_when_closed",
                violation_error_message="Close the round before you publish it.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("readiness:round", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def subject(self) -> str:
        return self.project.title if self.project_id else "The whole organisation"


class AuditParticipant(BaseModel):
    """Someone scoring in a round, and the kind of expert they take part as."""

    class Kind(models.TextChoices):
        EXPERIENCE = "experience", "Expert by experience"
        QUALIFICATION = "qualification", "Expert by qualification"

    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audit_participations"
    )
    kind = models.CharField(max_length=20, choices=Kind)

    class Meta:
        ordering = ["kind", "person__display_name", "pk"]
        indexes = [
            # round_list_visible: "rounds I take part in".
            models.Index(fields=["person", "round"], name="readiness_participant_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="readiness_participant_once"),
            models.CheckConstraint(
                condition=Q(kind__in=["experience", "qualification"]),
                name="readiness_participant_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.round}"


class AuditScore(models.Model):
    """One participant's score for one statement: one row at most (CONC-1)."""

    participant = models.ForeignKey(
        AuditParticipant, on_delete=models.CASCADE, related_name="scores"
    )
    statement = models.ForeignKey(AuditStatement, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField()
    scored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "statement"], name="readiness_score_once"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=LOWEST_SCORE) & Q(score__lte=HIGHEST_SCORE),
                name="readiness_score_1_to_5",
                violation_error_message="A score must be a number from 1 to 5.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score} for statement {self.statement_id}"


class AuditAction(BaseModel):
    """Something the group agreed to do after a round."""

    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField(max_length=2000)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_actions_owned",
    )
    due_on = models.DateField()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
