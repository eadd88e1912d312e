"""Advice clinics (slots run by ambassadors and staff, booked one person at a time) and case
studies (what a published project did at each stage, for the Community of Practice)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from copro.core.models import BaseModel

MIN_MINUTES, MAX_MINUTES = 10, 180


class ClinicSlot(BaseModel):
    """One advice clinic appointment: a time someone from the Ambassadors' Network (or staff)
    sets aside to help one person, in a venue or online."""

    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="clinic_slots_hosted",
        help_text="The ambassador or member of staff who gives the advice.",
    )
    date = models.DateField()
    starts_at = models.TimeField()
    duration_minutes = models.PositiveSmallIntegerField()
    topic = models.CharField(max_length=200, help_text="What the clinic can help with.")
    venue = models.ForeignKey(
        "meetings.Venue",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="clinic_slots",
    )
    online_link = models.URLField(
        max_length=500, blank=True, help_text="Only the person booked and the host see it."
    )

    class Meta:
        ordering = ["date", "starts_at", "pk"]
        indexes = [
            # The list of clinics coming up: date >= today, in date order.
            models.Index(fields=["date", "starts_at"], name="community_slot_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(venue__isnull=False) | ~Q(online_link=""),
                name="community_slot_venue_or_link",
                violation_error_message="Choose a venue or give a link for an online clinic.",
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=MIN_MINUTES)
                & Q(duration_minutes__lte=MAX_MINUTES),
                name="community_slot_length_in_range",
                violation_error_message=(
                    f"A clinic lasts from {MIN_MINUTES} to {MAX_MINUTES} minutes."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} on {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("community:slot", kwargs={"pk": self.pk})

    @property
    def starts(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.starts_at))

    @property
    def ends(self) -> datetime.datetime:
        return self.starts + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def is_online(self) -> bool:
        return self.venue_id is None

    def has_started(self, now: datetime.datetime | None = None) -> bool:
        return self.starts <= (now or timezone.now())


class ClinicBooking(BaseModel):
    """A person's appointment in a clinic slot. A cancelled booking stays as a record and frees
    the slot; at most one booking per slot is live at a time (a database constraint, CONC-1)."""

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        CANCELLED = "cancelled", "Cancelled"

    slot = models.ForeignKey(ClinicSlot, on_delete=models.CASCADE, related_name="bookings")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinic_bookings"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.BOOKED)
    question = models.TextField(
        max_length=2000, blank=True, help_text="What the person would like help with."
    )
    reminded_at = models.DateTimeField(
        null=True, blank=True, help_text="When the reminder went: it is sent once."
    )

    class Meta:
        ordering = ["slot__date", "slot__starts_at", "pk"]
        indexes = [
            # "Your clinic bookings": a person's live bookings.
            models.Index(fields=["person", "status"], name="community_booking_person_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(status="booked"),
                name="community_booking_one_per_slot",
                violation_error_message="Someone has just booked this clinic.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["booked", "cancelled"]),
                name="community_booking_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} - {self.slot} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("community:booking", kwargs={"pk": self.pk})


class CaseStudy(BaseModel):
    """A published project written up in plain English, stage by stage, so that others can
    learn from it. The staircase step and figures come from the project's own record."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    project = models.OneToOneField(
        "projects.Project", on_delete=models.CASCADE, related_name="case_study"
    )
    summary = models.TextField(
        max_length=2000, help_text="In a few sentences: what the project set out to do."
    )
    idea = models.TextField("at the idea stage", max_length=3000, blank=True)
    design = models.TextField("at the design stage", max_length=3000, blank=True)
    delivery = models.TextField("at the delivery stage", max_length=3000, blank=True)
    evaluation = models.TextField("at the evaluation stage", max_length=3000, blank=True)
    lessons = models.TextField(
        "what others can learn", max_length=3000, blank=True, help_text="Optional."
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)

    STAGE_FIELDS = ("idea", "design", "delivery", "evaluation")

    class Meta:
        ordering = ["project__title", "pk"]
        verbose_name_plural = "case studies"
        indexes = [
            # The list of published case studies.
            models.Index(fields=["status"], name="community_case_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published"]),
                name="community_case_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Case study: {self.project}"

    def get_absolute_url(self) -> str:
        return reverse("community:case_study", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def stage_texts(self) -> list[tuple[str, str, str]]:
        """(stage value, stage name, what they did), in the order of the stages."""
        from copro.projects.models import Stage

        return [(s, Stage(s).label, getattr(self, s)) for s in self.STAGE_FIELDS]
