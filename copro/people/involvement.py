"""My involvement record: what a person has done, over time, to use for a CV or a reference.

Read from the other apps' records when those apps are installed (projects, meetings,
reciprocity; learning adds training when it lands). A fixed number of queries whatever the
length of the record. Only ever for the person asking: the views pass `request.user`.
"""

from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.utils import timezone

from copro.people.models import User


@dataclass(frozen=True)
class Entry:
    on: date
    what: str
    detail: str = ""
    minutes: int = 0


@dataclass
class Section:
    title: str
    entries: list[Entry] = field(default_factory=list)
    empty: str = "Nothing yet."


@dataclass
class InvolvementRecord:
    person: User
    made_on: date
    sections: list[Section]
    projects: int = 0
    meetings: int = 0
    minutes: int = 0
    decisions: int = 0
    ideas: int = 0
    ideas_taken_up: int = 0

    @property
    def hours(self) -> str:
        hours, minutes = divmod(self.minutes, 60)
        if not minutes:
            return f"{hours}"
        return f"{hours + minutes / 60:.1f}".rstrip("0").rstrip(".")


def _projects(user: User, record: InvolvementRecord) -> Section:
    section = Section("Projects", empty="You have not joined a project yet.")
    Membership = apps.get_model("projects", "Membership")
    memberships = Membership.objects.filter(user=user).select_related("project")
    for membership in memberships.order_by("joined_on", "pk"):
        ended = f", until {membership.left_on:%-d %B %Y}" if membership.left_on else ""
        section.entries.append(
            Entry(
                on=membership.joined_on,
                what=membership.project.title,
                detail=(
                    f"{membership.get_kind_display()}, {membership.get_role_display().lower()}"
                    f"{ended}"
                ),
            )
        )
    record.projects = len(section.entries)
    Position = apps.get_model("projects", "Position")
    record.decisions = Position.objects.filter(user=user).count()
    Contribution = apps.get_model("projects", "Contribution")
    raised = Contribution.objects.filter(raised_by=user)
    record.ideas = raised.count()
    record.ideas_taken_up = raised.filter(status__in=["adopted", "adapted"]).count()
    return section


def _meetings(user: User, record: InvolvementRecord) -> Section:
    section = Section("Meetings you came to", empty="No meetings recorded yet.")
    Attendance = apps.get_model("meetings", "Attendance")
    rows = (
        Attendance.objects.filter(user=user, status="attended")
        .select_related("meeting__project", "meeting__group")
        .order_by("meeting__starts_at", "pk")
    )
    for row in rows:
        minutes = row.minutes if row.minutes is not None else row.meeting.duration_minutes
        meeting = row.meeting
        section.entries.append(
            Entry(
                on=timezone.localtime(meeting.starts_at).date(),
                what=meeting.title,
                detail=meeting.host_title,
                minutes=minutes,
            )
        )
    record.meetings = len(section.entries)
    record.minutes = sum(entry.minutes for entry in section.entries)
    return section


def _recognition(user: User) -> Section:
    section = Section("Thanks and recognition", empty="No certificates or letters yet.")
    Recognition = apps.get_model("reciprocity", "Recognition")
    for item in Recognition.objects.filter(person=user).order_by("given_on", "pk"):
        section.entries.append(
            Entry(on=item.given_on, what=item.title, detail=item.get_kind_display())
        )
    return section


def _training(user: User) -> Section | None:
    if not apps.is_installed("copro.learning"):
        return None
    from copro.learning.involvement import training_entries

    return Section("Training", entries=training_entries(user), empty="No training yet.")


def involvement_record(*, user: User) -> InvolvementRecord:
    record = InvolvementRecord(person=user, made_on=timezone.localdate(), sections=[])
    if apps.is_installed("copro.projects"):
        record.sections.append(_projects(user, record))
    if apps.is_installed("copro.meetings"):
        record.sections.append(_meetings(user, record))
    training = _training(user)
    if training is not None:
        record.sections.append(training)
    if apps.is_installed("copro.reciprocity"):
        record.sections.append(_recognition(user))
    return record
