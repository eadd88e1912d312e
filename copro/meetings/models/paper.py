"""Papers for a meeting. The file lives under a generated name in private storage and is only
ever served through a view that checks who is asking (FILE-3, FILE-4)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from copro.core.models import BaseModel
from copro.meetings.models.meeting import Meeting


class Paper(BaseModel):
    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word document"
        ODT = "odt", "OpenDocument text"
        TXT = "txt", "Plain text"
        MD = "md", "Plain text (Markdown)"

    CONTENT_TYPES = {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "odt": "application/vnd.oasis.opendocument.text",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
    }

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=150)
    original_name = models.CharField(max_length=200)  # cleaned; shown and used for downloads
    stored_name = models.CharField(max_length=200, unique=True)  # generated, never from the user
    kind = models.CharField(max_length=5, choices=Kind.choices)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    # The plain English check: "" when the text could not be read (PDF).
    plain_english_level = models.CharField(max_length=20, blank=True)
    plain_english_reason = models.TextField(blank=True)
    plain_english_findings = models.PositiveIntegerField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def content_type(self) -> str:
        return self.CONTENT_TYPES[self.kind]

    @property
    def send_by(self):
        return self.meeting.starts_at - timedelta(days=settings.PAPERS_DAYS_BEFORE)

    @property
    def sent_in_time(self) -> bool:
        return self.sent_at is not None and self.sent_at <= self.send_by

    @property
    def overdue(self) -> bool:
        """Not sent, and it is already too late to send it in time."""
        return self.sent_at is None and timezone.now() > self.send_by
