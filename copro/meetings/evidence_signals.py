"""What meetings add to a project's evidence (the projects app's signals):

- the "access" signal: meetings spread over the week, access arrangements provided before the
  meeting, and papers sent in time;
- a source of participation: the stages in which experts by experience came to a meeting
  held to consult, engage, design or decide (coming to be informed is not taking part in a
  stage), counting only attendance that counts as evidence (copro/core/provenance.py);
- a source for the provenance counts: the attendance of experts by experience.

Registered in MeetingsConfig.ready(). Each runs a fixed number of queries per project."""

from bisect import bisect_right

from django.utils import timezone

from copro.meetings.evidence import meeting_signals
from copro.meetings.models import EXPERIENCE, Attendance, Meeting
from copro.projects.evidence.record import attendance_counted_q
from copro.projects.evidence.signals import NO_DATA, Record, Signal, percent
from copro.projects.models import Project, Stage, StageChange

ARRANGEMENTS_TARGET = 0.9  # nearly every requested arrangement in place before the meeting
PAPERS_TARGET = 0.75  # most papers sent in time
THRESHOLD = (
    "Meetings on different days and at different times, at least "
    f"{percent(ARRANGEMENTS_TARGET)} of access arrangements in place before the meeting, "
    f"at least {percent(PAPERS_TARGET)} of papers sent in time and at least "
    f"{percent(ARRANGEMENTS_TARGET)} of papers ready in the formats people asked for"
)


def _part(share: float | None, done: int, total: int, what: str) -> str:
    if share is None:
        return f"no {what} were needed"
    return f"{done} of {total} {what} ({percent(share)})"


def _formats(facts: dict) -> str:
    """Papers in the formats people asked for; nothing when nobody asked."""
    if not facts.get("versions_needed"):
        return ""
    return "; " + _part(
        facts["versions_share"],
        facts["versions_in_time"],
        facts["versions_needed"],
        "papers were ready in the format someone asked for",
    )


def access_signal(record: Record, limits: dict) -> Signal:
    facts = meeting_signals(project=record.project)
    held = facts["meetings_held"]
    if not held:
        return Signal(
            key="access",
            name="Access",
            value=None,
            display=NO_DATA,
            threshold=THRESHOLD,
            met=None,
            reason="No data yet: this comes from meetings, and none has been held yet.",
            source="meetings",
        )
    arrangements, papers = facts["arrangements_share"], facts["papers_share"]
    versions = facts.get("versions_share")
    spread_ok = not facts["spread_warnings"]
    met = (
        spread_ok
        and (arrangements is None or arrangements >= ARRANGEMENTS_TARGET)
        and (papers is None or papers >= PAPERS_TARGET)
        and (versions is None or versions >= ARRANGEMENTS_TARGET)
    )
    arranged = _part(
        arrangements,
        facts["arrangements_provided_in_time"],
        facts["arrangements_requested"],
        "access arrangements were in place before the meeting",
    )
    sent = _part(
        papers,
        facts["papers_in_time"],
        facts["papers"],
        f"papers were sent at least {facts['papers_days_before']} days before",
    )
    spread = (
        "meetings were spread over the week"
        if spread_ok
        else "too many recent meetings were at the same time of the week"
    )
    return Signal(
        key="access",
        name="Access",
        value=arrangements,
        display=f"{held} meeting{'s' if held != 1 else ''} held",
        threshold=THRESHOLD,
        met=met,
        reason=f"Of the meetings held, {arranged}; {sent}{_formats(facts)}; {spread}.",
        source="meetings",
        parts={"spread_ok": spread_ok, "arrangements": arrangements, "papers": papers},
    )


def stages_attended(project: Project) -> set[str]:
    """The project's stage on the day of each meeting an expert by experience came to."""
    attended = list(
        Attendance.objects.filter(
            meeting__project=project,
            meeting__starts_at__lte=timezone.now(),
            kind=EXPERIENCE,
            status=Attendance.Status.ATTENDED,
        )
        .exclude(meeting__purpose=Meeting.Purpose.INFORM)
        .filter(attendance_counted_q())
        .values_list("meeting__starts_at", flat=True)
        .distinct()
    )
    if not attended:
        return set()
    changes = list(
        StageChange.objects.filter(project=project)
        .order_by("changed_on", "pk")
        .values_list("changed_on", "stage")
    )
    days = [on for on, _stage in changes]
    stages = set()
    for starts in attended:
        at = bisect_right(days, timezone.localdate(starts)) - 1
        stages.add(changes[at][1] if at >= 0 else project.stage)
    return stages - {Stage.CLOSED}


def attendance_of_experts(project: Project):
    """The attendance of experts by experience at the project's meetings (provenance counts)."""
    return Attendance.objects.filter(meeting__project=project, kind=EXPERIENCE)


def register() -> None:
    from copro.projects.evidence.provenance import register_provenance_source
    from copro.projects.evidence.signals import (
        register_participation_source,
        register_signal,
    )

    register_signal("access", replace=True)(access_signal)
    register_participation_source(stages_attended)
    register_provenance_source(attendance_of_experts)
