"""The four kinds of record a person can confirm or contest, read the same way: which model,
whose it is, which project, and a plain sentence saying what it records."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.utils import dateformat, timezone

from copro.core.provenance import Confirmation
from copro.meetings.models import Attendance
from copro.projects.models import Contribution, Membership, Position
from copro.voice.models import RecordKind

PERSON_FIELD = {
    RecordKind.MEMBERSHIP: "user",
    RecordKind.ATTENDANCE: "user",
    RecordKind.POSITION: "user",
    RecordKind.IDEA: "raised_by",
}


def model_for(kind: str) -> type[Model]:
    return {
        RecordKind.MEMBERSHIP: Membership,
        RecordKind.ATTENDANCE: Attendance,
        RecordKind.POSITION: Position,
        RecordKind.IDEA: Contribution,
    }[kind]


def queryset(kind: str) -> QuerySet:
    """Each kind with what its sentence needs, in one query."""
    model = model_for(kind)
    related = {
        RecordKind.MEMBERSHIP: ("project", "user"),
        RecordKind.ATTENDANCE: ("meeting__project", "user"),
        RecordKind.POSITION: ("decision__project", "option", "user", "recorded_by"),
        RecordKind.IDEA: ("project", "raised_by", "entered_by"),
    }[kind]
    return model.objects.select_related(*related)


def project_path(kind: str) -> str:
    return {
        RecordKind.MEMBERSHIP: "project",
        RecordKind.ATTENDANCE: "meeting__project",
        RecordKind.POSITION: "decision__project",
        RecordKind.IDEA: "project",
    }[kind]


def _on(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
    return dateformat.format(value, "j F Y")


@dataclass(frozen=True)
class Item:
    """One record as a person sees it on their list."""

    kind: str
    record: Model
    person_id: int
    project: object
    summary: str
    how: str  # how it was entered, in plain words
    confirmation: str
    contest_reason: str

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.record.pk}"

    @property
    def awaiting(self) -> bool:
        return self.confirmation == Confirmation.AWAITING

    @property
    def contested(self) -> bool:
        return self.confirmation == Confirmation.CONTESTED


def _summary(kind: str, record) -> str:
    if kind == RecordKind.MEMBERSHIP:
        return (
            f"You have been a member of “{record.project.title}” since {_on(record.joined_on)}, "
            f"as {record.get_kind_display().lower()}"
        )
    if kind == RecordKind.ATTENDANCE:
        meeting = record.meeting
        status = {
            "attended": "you came to",
            "apologies": "you sent apologies for",
            "absent": "you did not come to",
        }.get(record.status, record.status)
        return f"That {status} “{meeting.title}” on {_on(meeting.starts_at)}"
    if kind == RecordKind.POSITION:
        view = record.option.text if record.option else record.get_stance_display()
        if not view:
            view = "you ranked the options"
        return f"Your view on “{record.decision.title}”: {view}"
    text = record.text if len(record.text) <= 120 else record.text[:117] + "..."
    return f"{record.get_kind_display()} in “{record.project.title}”: “{text}”"


def project_of(kind: str, record):
    if kind == RecordKind.ATTENDANCE:
        return record.meeting.project
    if kind == RecordKind.POSITION:
        return record.decision.project
    return record.project


def item_for(kind: str, record) -> Item:
    return Item(
        kind=kind,
        record=record,
        person_id=getattr(record, f"{PERSON_FIELD[kind]}_id"),
        project=project_of(kind, record),
        summary=_summary(kind, record)[:300],
        how=record.get_entry_method_display()
        + (" (recorded late)" if record.recorded_late else ""),
        confirmation=record.confirmation,
        contest_reason=record.contest_reason,
    )
