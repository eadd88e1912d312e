"""A meeting of a project or of one of the network's groups: when, where, why (its step on the
staircase) and its agenda. An open event is a meeting anyone signed in can see and sign up to."""

from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from copro.core.models import BaseModel
from copro.framework.models import NetworkGroup
from copro.meetings.models.venue import Venue
from copro.people.models import PartOfDay, User
from copro.projects.models import Decision, Project

MIN_MINUTES = 15
MAX_MINUTES = 12 * 60
# A meeting's time of day: morning before noon, afternoon before five, evening after.
AFTERNOON_FROM_HOUR = 12
EVENING_FROM_HOUR = 17


def part_of_day(moment: datetime) -> str:
    hour = timezone.localtime(moment).hour if timezone.is_aware(moment) else moment.hour
    if hour < AFTERNOON_FROM_HOUR:
        return PartOfDay.MORNING
    if hour < EVENING_FROM_HOUR:
        return PartOfDay.AFTERNOON
    return PartOfDay.EVENING


class Meeting(BaseModel):
    class Purpose(models.TextChoices):
        # The values are the staircase steps' slugs in copro.framework.
        INFORM = "inform", "To inform: tell people what is happening and why"
        CONSULT = "consult", "To consult: ask for people's views"
        ENGAGE = "engage", "To engage: views that can change some decisions"
        DESIGN = "co-design", "To design together"
        DECIDE = "co-produce", "To decide together"

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        ONLINE = "online", "Online"
        HYBRID = "hybrid", "Both in person and online"

    # Exactly one host: a project, or one of the network's groups (Advisory Board and so on).
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="meetings"
    )
    group = models.ForeignKey(
        NetworkGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    # An open event: anyone signed in can see it and sign up, up to its capacity.
    open_to_all = models.BooleanField(default=False)
    title = models.CharField(max_length=150)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField()
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.IN_PERSON)
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    online_link = models.URLField(max_length=500, blank=True)
    purpose = models.CharField(max_length=12, choices=Purpose.choices)
    capacity = models.PositiveSmallIntegerField(null=True, blank=True)
    # Of the places, how many are kept for experts by experience: someone else who says yes
    # when only kept places are left goes on the waiting list.
    reserved_places = models.PositiveSmallIntegerField(default=0)
    notes = models.TextField(max_length=10000, blank=True)
    decisions = models.ManyToManyField(Decision, blank=True, related_name="meetings")
    # Raised each time the date, time or place changes or the meeting is cancelled, so the new
    # calendar file replaces the one people already have (RFC 5545 SEQUENCE, same UID).
    sequence = models.PositiveIntegerField(default=0)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(project__isnull=False, group__isnull=True)
                | Q(project__isnull=True, group__isnull=False),
                name="meetings_one_host",
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=MIN_MINUTES)
                & Q(duration_minutes__lte=MAX_MINUTES),
                name="meetings_duration_in_range",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="meetings_capacity_positive",
            ),
            models.CheckConstraint(
                condition=Q(reserved_places=0)
                | Q(capacity__isnull=False, reserved_places__lte=models.F("capacity")),
                name="meetings_reserved_within_capacity",
            ),
            # Somewhere to be: a venue for people in the room, a link for people online.
            models.CheckConstraint(
                condition=Q(format="online") | Q(venue__isnull=False),
                name="meetings_venue_when_in_person",
            ),
            models.CheckConstraint(
                condition=Q(format="in_person") | ~Q(online_link=""),
                name="meetings_link_when_online",
            ),
        ]
        indexes = [
            # A project's meetings by date: the list, the rotation and the evidence.
            models.Index(fields=["project", "starts_at"], name="meetings_project_start_idx"),
            models.Index(fields=["group", "starts_at"], name="meetings_group_start_idx"),
            models.Index(fields=["open_to_all", "starts_at"], name="meetings_open_start_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url("detail")

    @property
    def host_kind(self) -> str:
        return "group" if self.group_id else "project"

    @property
    def host_id(self) -> int:
        return self.group_id or self.project_id

    @property
    def host(self):
        """The project or group the meeting belongs to."""
        return self.group if self.group_id else self.project

    @property
    def host_title(self) -> str:
        return self.group.name if self.group_id else self.project.title

    def url(self, name: str, *args) -> str:
        """The address of one of this meeting's pages: the same pages serve projects and groups,
        under /meetings/projects/<id>/ and /meetings/groups/<id>/."""
        prefix = "group_" if self.group_id else ""
        return reverse(f"meetings:{prefix}{name}", args=[self.host_id, self.pk, *args])

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def part_of_day(self) -> str:
        return part_of_day(self.starts_at)

    @property
    def weekday(self) -> int:
        return timezone.localtime(self.starts_at).weekday()

    @property
    def in_the_room(self) -> bool:
        return self.format != self.Format.ONLINE

    @property
    def online(self) -> bool:
        return self.format != self.Format.IN_PERSON

    @property
    def purpose_short(self) -> str:
        return self.get_purpose_display().split(":")[0]

    @property
    def shares_power(self) -> bool:
        return self.purpose in (self.Purpose.DESIGN, self.Purpose.DECIDE)

    @property
    def is_past(self) -> bool:
        return self.starts_at <= timezone.now()


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    minutes = models.PositiveSmallIntegerField()
    lead = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items_led"
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=1) & Q(minutes__lte=MAX_MINUTES),
                name="meetings_agenda_minutes_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title
