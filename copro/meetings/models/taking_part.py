"""Who is invited, what each person needs to take part, and who came."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from copro.core.models import BaseModel
from copro.core.provenance import EntryMethod, Provenance
from copro.meetings.models.meeting import MAX_MINUTES, Meeting
from copro.people.models import AccessNeed, User

EXPERIENCE = "experience"
QUALIFICATION = "qualification"
KIND_CHOICES = [(EXPERIENCE, "Expert by experience"), (QUALIFICATION, "Expert by qualification")]


class Invitee(BaseModel):
    class Reply(models.TextChoices):
        WAITING = "waiting", "Not replied yet"
        YES = "yes", "Yes, I will come"
        MAYBE = "maybe", "Maybe"
        NO = "no", "No, I cannot come"
        # Said yes when the meeting was full: first in the queue gets the next place.
        WAITING_LIST = "waitlist", "On the waiting list"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitees")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="meeting_invitations")
    # How they take part in the project, when invited: the evidence counts experts by experience.
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    reply = models.CharField(max_length=10, choices=Reply.choices, default=Reply.WAITING)
    replied_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="meetings_invite_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} to {self.meeting}"

    @property
    def on_waiting_list(self) -> bool:
        return self.reply == self.Reply.WAITING_LIST

    @property
    def is_expert_by_experience(self) -> bool:
        return self.kind == EXPERIENCE


class MeetingAccessNeed(models.Model):
    """A need someone has for this meeting only, on top of the ones in their profile."""

    OTHER = "other"
    CHOICES = [*AccessNeed.Need.choices, (OTHER, "Something else")]

    invitee = models.ForeignKey(Invitee, on_delete=models.CASCADE, related_name="meeting_needs")
    need = models.CharField(max_length=30, choices=CHOICES)
    detail = models.CharField(max_length=300, blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            # Each listed need once per invitation; "something else" as often as needed.
            models.UniqueConstraint(
                fields=["invitee", "need"],
                condition=~Q(need="other"),
                name="meetings_meeting_need_once",
            ),
        ]

    def __str__(self) -> str:
        return self.detail if self.need == self.OTHER else self.get_need_display()


class Arrangement(models.Model):
    """One line of the organiser's access checklist: an invitee's need or format for this
    meeting, and how far it has been arranged."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        BOOKED = "booked", "Booked"
        CONFIRMED = "confirmed", "Confirmed"
        NOT_POSSIBLE = "not_possible", "Not possible"

    PROVIDED = (Status.BOOKED, Status.CONFIRMED)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="arrangements")
    invitee = models.ForeignKey(Invitee, on_delete=models.CASCADE, related_name="arrangements")
    # "need:<AccessNeed.Need>", "format:<FormatNeed.Format>" or "other:<MeetingAccessNeed pk>"
    key = models.CharField(max_length=40)
    label = models.CharField(max_length=300)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.REQUESTED)
    note = models.CharField(max_length=300, blank=True)
    # When it was first booked or confirmed: "provided before the meeting" in the evidence.
    provided_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["invitee_id", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["invitee", "key"], name="meetings_arrangement_once"),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.get_status_display()}"

    @property
    def need(self) -> str:
        kind, _, code = self.key.partition(":")
        return code if kind == "need" else ""

    @property
    def is_provided(self) -> bool:
        return self.status in self.PROVIDED


class Attendance(Provenance, models.Model):
    class Status(models.TextChoices):
        ATTENDED = "attended", "Came"
        APOLOGIES = "apologies", "Sent apologies"
        ABSENT = "absent", "Did not come"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="meeting_attendance")
    status = models.CharField(max_length=10, choices=Status.choices)
    minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    recorded_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    # Usually typed in by the lead or the organiser, not by the person (copro/core/provenance.py).
    entry_method = models.CharField(
        max_length=20, choices=EntryMethod.choices, default=EntryMethod.ORGANISER
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            # One record per person per meeting (CONC-3): saving again updates it, so what
            # people get back for coming is counted once.
            models.UniqueConstraint(fields=["meeting", "user"], name="meetings_attendance_once"),
            models.CheckConstraint(
                condition=Q(minutes__isnull=True) | Q(minutes__lte=MAX_MINUTES),
                name="meetings_attendance_minutes_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.meeting}: {self.get_status_display()}"
