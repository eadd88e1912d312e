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


class PaperVersion(BaseModel):
    """The same paper in another format: a file (kept like the paper itself) or a link (an
    audio recording or a British Sign Language video held elsewhere). Each format a member
    asked for (people.FormatNeed) should have a version before the papers are due."""

    class Format(models.TextChoices):
        LARGE_PRINT = "large_print", "Large print"
        EASY_READ = "easy_read", "Easy Read"
        LANGUAGE = "language", "Another language"
        AUDIO = "audio", "Audio"
        BSL_VIDEO = "bsl_video", "British Sign Language video"
        BRAILLE = "braille", "Braille"

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="versions")
    format = models.CharField(max_length=20, choices=Format.choices)
    language = models.CharField(max_length=60, blank=True)  # only for Format.LANGUAGE
    # A file, kept like a paper (generated name, private storage, served only through a view) ...
    original_name = models.CharField(max_length=200, blank=True)
    stored_name = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=5, choices=Paper.Kind.choices, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    # ... or a link to where it is held.
    link = models.URLField(max_length=500, blank=True)
    made_automatically = models.BooleanField(default=False)

    class Meta:
        ordering = ["format", "language", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["paper", "format", "language"], name="meetings_paper_version_once"
            ),
            models.CheckConstraint(
                condition=(~models.Q(stored_name="") & models.Q(link=""))
                | (models.Q(stored_name="") & ~models.Q(link="")),
                name="meetings_paper_version_file_or_link",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.paper.title}: {self.label}"

    @property
    def label(self) -> str:
        if self.format == self.Format.LANGUAGE and self.language:
            return self.language
        return self.get_format_display()

    @property
    def content_type(self) -> str:
        return Paper.CONTENT_TYPES[self.kind]
