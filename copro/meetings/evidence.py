"""Signals about a project's meetings for the project's evidence engine.

`meeting_signals(project=...)` looks only at meetings already held (started before now), so a
figure never changes because of plans that may not happen. Shares are numbers from 0 to 1, or
None when there is nothing to divide by (not the same as 0: say "no data", not "none")."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from copro.meetings import scheduling
from copro.meetings.models import (
    EXPERIENCE,
    Arrangement,
    Attendance,
    Invitee,
    Meeting,
    Paper,
    PaperVersion,
)
from copro.meetings.selectors_formats import NEEDED_VERSIONS
from copro.projects.models import Project


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def meeting_signals(*, project: Project) -> dict:
    now = timezone.now()
    held = list(
        Meeting.objects.filter(project=project, starts_at__lte=now).values_list(
            "starts_at", "purpose"
        )
    )
    facts = {
        "meetings_held": len(held),
        **_spread([starts for starts, _purpose in held]),
        **_purposes([purpose for _starts, purpose in held]),
    }
    if not held:  # nothing held, so nothing arranged, sent or attended to count: no queries
        return {**facts, **_nothing_yet()}
    return {
        **facts,
        **_arrangements(project, now),
        **_papers(project, now),
        **_versions(project, now),
        **_attendance(project, now),
    }


def _nothing_yet() -> dict:
    return {
        "arrangements_requested": 0,
        "arrangements_provided_in_time": 0,
        "arrangements_share": None,
        "papers": 0,
        "papers_in_time": 0,
        "papers_share": None,
        "papers_days_before": settings.PAPERS_DAYS_BEFORE,
        **_NO_VERSIONS,
        "attended": 0,
        "experience_attended": 0,
        "experience_share": None,
        "experience_recorded": 0,
        "experience_turnout": None,
    }


def _spread(starts) -> dict:
    spread = scheduling.spread(starts)
    last = scheduling.recent(starts)
    cells = {}
    for moment in last:
        band = scheduling.band_of(moment)
        cells[band] = cells.get(band, 0) + 1
    return {
        "weekdays": {
            name: sum(spread.grid[(day, part)] for part in scheduling.PARTS)
            for day, name in enumerate(scheduling.DAY_NAMES)
        },
        "parts_of_day": {
            part: sum(spread.grid[(day, part)] for day in range(7)) for part in scheduling.PARTS
        },
        "bands_used": sum(1 for count in spread.grid.values() if count),
        "largest_recent_band_share": _share(max(cells.values(), default=0), len(last)),
        "spread_warnings": list(spread.warnings),
    }


def _purposes(purposes) -> dict:
    counts = {value: 0 for value in Meeting.Purpose.values}
    for purpose in purposes:
        counts[purpose] += 1
    sharing = counts[Meeting.Purpose.DESIGN] + counts[Meeting.Purpose.DECIDE]
    return {"purposes": counts, "power_sharing_share": _share(sharing, len(purposes))}


def _arrangements(project: Project, now) -> dict:
    """Lines for people who had not said no, provided (booked or confirmed) before the start."""
    lines = list(
        Arrangement.objects.filter(meeting__project=project, meeting__starts_at__lte=now)
        .exclude(invitee__reply=Invitee.Reply.NO)
        .values_list("provided_at", "meeting__starts_at")
    )
    in_time = sum(1 for provided, starts in lines if provided is not None and provided <= starts)
    return {
        "arrangements_requested": len(lines),
        "arrangements_provided_in_time": in_time,
        "arrangements_share": _share(in_time, len(lines)),
    }


def _papers(project: Project, now) -> dict:
    days = timedelta(days=settings.PAPERS_DAYS_BEFORE)
    papers = list(
        Paper.objects.filter(meeting__project=project, meeting__starts_at__lte=now).values_list(
            "sent_at", "meeting__starts_at"
        )
    )
    in_time = sum(1 for sent, starts in papers if sent is not None and sent <= starts - days)
    return {
        "papers": len(papers),
        "papers_in_time": in_time,
        "papers_share": _share(in_time, len(papers)),
        "papers_days_before": settings.PAPERS_DAYS_BEFORE,
    }


_NO_VERSIONS = {"versions_needed": 0, "versions_in_time": 0, "versions_share": None}


def _versions(project: Project, now) -> dict:
    """Papers in the formats people asked for (issue 19): for each paper of a meeting held and
    each format someone invited (not saying no) needed, was a version there before the start?
    Queries: papers (1), needs (1), versions (1), or 1 when there were no papers."""
    papers = list(
        Paper.objects.filter(meeting__project=project, meeting__starts_at__lte=now).values_list(
            "pk", "meeting_id", "meeting__starts_at"
        )
    )
    if not papers:
        return dict(_NO_VERSIONS)
    needs: dict[int, set[str]] = {}
    for meeting_id, fmt in (
        Invitee.objects.filter(
            meeting__project=project,
            meeting__starts_at__lte=now,
            user__formats__format__in=list(NEEDED_VERSIONS),
        )
        .exclude(reply=Invitee.Reply.NO)
        .values_list("meeting_id", "user__formats__format")
        .distinct()
    ):
        needs.setdefault(meeting_id, set()).add(NEEDED_VERSIONS[fmt])
    versions = {
        (paper_id, fmt): made
        for paper_id, fmt, made in PaperVersion.objects.filter(
            paper_id__in=[pk for pk, _meeting, _starts in papers]
        ).values_list("paper_id", "format", "created_at")
    }
    needed = in_time = 0
    for pk, meeting_id, starts in papers:
        for fmt in needs.get(meeting_id, ()):
            needed += 1
            made = versions.get((pk, fmt))
            in_time += made is not None and made <= starts
    return {
        "versions_needed": needed,
        "versions_in_time": in_time,
        "versions_share": _share(in_time, needed),
    }


def _attendance(project: Project, now) -> dict:
    held = Q(meeting__project=project, meeting__starts_at__lte=now)
    counts = Attendance.objects.filter(held).aggregate(
        attended=Count("pk", filter=Q(status=Attendance.Status.ATTENDED)),
        experience_attended=Count(
            "pk", filter=Q(status=Attendance.Status.ATTENDED, kind=EXPERIENCE)
        ),
        experience_recorded=Count("pk", filter=Q(kind=EXPERIENCE)),
    )
    return {
        "attended": counts["attended"],
        "experience_attended": counts["experience_attended"],
        "experience_share": _share(counts["experience_attended"], counts["attended"]),
        # Of the experts by experience whose attendance was recorded, the share who came.
        "experience_recorded": counts["experience_recorded"],
        "experience_turnout": _share(counts["experience_attended"], counts["experience_recorded"]),
    }
