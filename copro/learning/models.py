"""Training sessions and their bookings, the toolkit library and the quiz.

The three training levels themselves are rows of the guidance (`framework.TrainingLevel`);
a session points at one of them.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from copro.core.models import BaseModel
from copro.framework import validators
from copro.framework.models import TrainingLevel


class TrainingSession(BaseModel):
    """One run of a training level, led by an ambassador, in a venue or online."""

    level = models.ForeignKey(TrainingLevel, on_delete=models.PROTECT, related_name="sessions")
    ambassador = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="training_sessions_run",
        help_text="The ambassador who runs the session.",
    )
    date = models.DateField()
    starts_at = models.TimeField()
    venue = models.ForeignKey(
        "meetings.Venue",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_sessions",
    )
    online_link = models.URLField(
        blank=True, help_text="Leave empty for a session in a venue. Only people booked see it."
    )
    capacity = models.PositiveSmallIntegerField(help_text="How many people can book a place.")
    notes = models.TextField(blank=True, help_text="Anything people should know before they come.")
    # Set when the ambassador or staff call the session off: kept (not deleted) so the people
    # booked keep a record, and the session leaves every list of sessions to come.
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["date", "starts_at"]
        indexes = [
            # The list of upcoming sessions: date >= today, in date order.
            models.Index(fields=["date", "starts_at"], name="learning_session_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="learning_session_capacity_at_least_1",
                violation_error_message="A session must have at least one place.",
            ),
            models.CheckConstraint(
                condition=Q(venue__isnull=False) | ~Q(online_link=""),
                name="learning_session_venue_or_link",
                violation_error_message="Choose a venue or give a link for an online session.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level.name} on {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("learning:session", kwargs={"pk": self.pk})

    @property
    def starts(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.starts_at))

    @property
    def is_online(self) -> bool:
        return self.venue_id is None

    def has_started(self, now: datetime.datetime | None = None) -> bool:
        return self.starts <= (now or timezone.now())


class Booking(BaseModel):
    """A person's place on a session, or their place in the queue for one.

    One row per person per session: booking again after cancelling reuses the row and joins
    the back of the queue.
    """

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="bookings")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_bookings"
    )
    status = models.CharField(max_length=10, choices=Status)
    queued_at = models.DateTimeField(
        default=timezone.now, help_text="When the person asked for a place: the queue's order."
    )
    attended = models.BooleanField(default=False)
    completed = models.BooleanField(default=False)
    reminder_sent_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the reminder email went, so it goes once only (training_reminders).",
    )

    class Meta:
        ordering = ["queued_at", "pk"]
        indexes = [
            # Counting places and finding the first person waiting, per session.
            models.Index(
                fields=["session", "status", "queued_at"], name="learning_booking_queue_idx"
            ),
            # "Has this person completed level N?": completed bookings by person.
            models.Index(fields=["person", "completed"], name="learning_booking_done_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="learning_booking_once"),
            models.CheckConstraint(
                condition=Q(status__in=["booked", "waiting", "cancelled"]),
                name="learning_booking_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(completed=False) | (Q(attended=True) & Q(status="booked")),
                name="learning_booking_completed_means_attended",
                violation_error_message="Only someone who came to the session can complete it.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} - {self.session} ({self.get_status_display()})"


class ToolkitEntry(BaseModel):
    """An item in the toolkit library, open to people who have completed the top level."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", "Document"
        LINK = "link", "Web page"
        AUDIO = "audio", "Audio"
        VIDEO = "video", "Video"

    order = models.PositiveSmallIntegerField(default=0, help_text="Where this comes in the list.")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind)
    description = models.TextField()
    url = models.URLField("web address", help_text="Where the document, page or recording is.")
    transcript = models.TextField(
        blank=True, help_text="Needed for audio and video, so everyone can follow it."
    )
    is_published = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "title"]
        verbose_name_plural = "toolkit entries"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.kind in (self.Kind.AUDIO, self.Kind.VIDEO) and not self.transcript.strip():
            raise ValidationError({"transcript": "Add a transcript for audio and video."})


class QuizQuestion(BaseModel):
    """A question in the quiz bank. `correct` holds the numbers of the right options, from 0."""

    class Kind(models.TextChoices):
        SELF_TEST = "self_test", "Self-test question"
        SCENARIO = "scenario", "Scenario"

    order = models.PositiveSmallIntegerField(help_text="Where this comes in the quiz.")
    kind = models.CharField(max_length=10, choices=Kind)
    question = models.TextField()
    options = models.JSONField(default=list, validators=[validators.validate_text_list])
    correct = models.JSONField(
        default=list,
        validators=[validators.validate_index_list],
        help_text="The right options, counting the first option as 0.",
    )
    explanation = models.TextField(help_text="Why the right answer is right, in plain English.")
    is_active = models.BooleanField(default=True, help_text="Untick to leave it out of the quiz.")

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.question

    def clean(self) -> None:
        validators.check_answers(options=self.options, correct=self.correct)

    @property
    def choose_several(self) -> bool:
        return len(self.correct) > 1


class QuizAttempt(BaseModel):
    """One go at the quiz. Only the person who took it can see it."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    score = models.PositiveSmallIntegerField()
    out_of = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__lte=models.F("out_of")), name="learning_attempt_score_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.score} out of {self.out_of}"

    def get_absolute_url(self) -> str:
        return reverse("learning:attempt", kwargs={"pk": self.pk})


class QuizAnswer(models.Model):
    """What the person chose for one question, kept as it was even if the question changes."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(QuizQuestion, on_delete=models.PROTECT, related_name="+")
    chosen = models.JSONField(default=list)
    is_right = models.BooleanField()

    class Meta:
        ordering = ["question__order", "question__pk"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="learning_answer_once"),
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question_id}"


# The person's own learning record lives in its own module; Django finds the models here.
from copro.learning.models_growth import (  # noqa: E402, F401
    JournalEntry,
    OrderingAttempt,
    RecipeCheckIn,
    RecipeRating,
    TipAnswer,
    TipCheckIn,
)
