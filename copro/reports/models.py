"""Reports sent by email on a schedule, and the record of each one sent."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from copro.core.models import BaseModel


class ReportSchedule(BaseModel):
    """A project's report, or the organisation dashboard, emailed to stakeholders each month or
    quarter. Only the person who set it up (and administrators) can see or change it."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Every month"
        QUARTERLY = "quarterly", "Every quarter (3 months)"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_schedules"
    )
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="report_schedules",
        help_text="Empty for the organisation's report.",
    )
    frequency = models.CharField(max_length=10, choices=Frequency)
    recipients = models.JSONField(default=list, help_text="Email addresses, in order.")
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(frequency__in=["monthly", "quarterly"]),
                name="reports_schedule_frequency_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_name}: {self.get_frequency_display().lower()}"

    def get_absolute_url(self) -> str:
        return reverse("reports:schedule", kwargs={"pk": self.pk})

    @property
    def subject_name(self) -> str:
        return self.project.title if self.project_id else "The whole organisation"

    @property
    def is_active(self) -> bool:
        return self.stopped_at is None


class ReportSend(models.Model):
    """One period's report for one schedule. The unique constraint is what makes sending happen
    once per period, even when the daily job runs twice or twice at once (CONC)."""

    class Status(models.TextChoices):
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Could not be sent"

    schedule = models.ForeignKey(ReportSchedule, on_delete=models.CASCADE, related_name="sends")
    period_start = models.DateField()
    period_end = models.DateField(help_text="The day after the period's last day.")
    period_label = models.CharField(max_length=60)
    status = models.CharField(max_length=10, choices=Status, default=Status.SENDING)
    recipients = models.JSONField(default=list)
    started_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    attachment_name = models.CharField(max_length=120, blank=True)
    problem = models.CharField(max_length=200, blank=True, help_text="Why it was not sent.")

    class Meta:
        ordering = ["-period_start", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "period_start"], name="reports_send_once_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.schedule}: {self.period_label}"
