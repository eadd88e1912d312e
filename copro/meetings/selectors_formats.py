"""Reads for papers in other formats (issue 19): which versions the people invited need and
which exist (the access checklist), and each member's own format first (their papers)."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from copro.meetings.models import Invitee, Meeting, Paper, PaperVersion
from copro.people.models import FormatNeed

# The formats a member can ask for (people.FormatNeed) that a paper version answers.
NEEDED_VERSIONS = {
    FormatNeed.Format.LARGE_PRINT: PaperVersion.Format.LARGE_PRINT,
    FormatNeed.Format.EASY_READ: PaperVersion.Format.EASY_READ,
    FormatNeed.Format.AUDIO: PaperVersion.Format.AUDIO,
    FormatNeed.Format.BSL_VIDEO: PaperVersion.Format.BSL_VIDEO,
    FormatNeed.Format.BRAILLE: PaperVersion.Format.BRAILLE,
}
LABELS = dict(PaperVersion.Format.choices)


@dataclass
class VersionLine:
    paper: Paper
    format: str
    people: list[str]
    version: PaperVersion | None

    @property
    def label(self) -> str:
        return LABELS[self.format]

    @property
    def missing(self) -> bool:
        return self.version is None


@dataclass
class FormatChecklist:
    lines: list[VersionLine] = field(default_factory=list)
    needs: list[tuple[str, list[str]]] = field(default_factory=list)  # (format, who), by format
    due: object = None  # when the papers are due (a datetime)

    @property
    def missing(self) -> list[VersionLine]:
        return [line for line in self.lines if line.missing]

    @property
    def overdue(self) -> bool:
        return self.due is not None and timezone.now() > self.due


def format_needs(meeting: Meeting) -> dict[str, list[str]]:
    """Version format -> names of the people invited (not saying no) who need it. One query."""
    rows = (
        Invitee.objects.filter(meeting=meeting, user__formats__format__in=list(NEEDED_VERSIONS))
        .exclude(reply=Invitee.Reply.NO)
        .values_list("user__formats__format", "user__display_name")
        .order_by("user__formats__format", "user__display_name")
        .distinct()
    )
    needs: dict[str, list[str]] = {}
    for fmt, name in rows:
        needs.setdefault(NEEDED_VERSIONS[fmt], []).append(name)
    return needs


def format_checklist(*, meeting: Meeting) -> FormatChecklist:
    """For each paper and each format someone needs: who needs it and the version, if any.
    Queries: the needs (1), the papers with their versions (2)."""
    needs = format_needs(meeting)
    papers = list(meeting.papers.prefetch_related("versions")) if needs else []
    lines = []
    for paper in papers:
        have = {v.format: v for v in paper.versions.all()}
        for fmt, people in needs.items():
            lines.append(VersionLine(paper, fmt, people, have.get(fmt)))
    due = meeting.starts_at - timedelta(days=settings.PAPERS_DAYS_BEFORE)
    return FormatChecklist(
        lines=lines, needs=[(LABELS[f], people) for f, people in needs.items()], due=due
    )


def papers_for_viewer(*, meeting: Meeting, viewer=None) -> list[Paper]:
    """The meeting's papers, each with `choices`: the viewer's own formats first, then the
    standard paper, then the other versions. Queries: papers and versions (2), the viewer's
    formats (1, none without a viewer)."""
    papers = list(meeting.papers.prefetch_related("versions"))
    formats = (
        FormatNeed.objects.filter(user=viewer).values_list("format", flat=True) if viewer else []
    )
    mine = {NEEDED_VERSIONS[f] for f in formats if f in NEEDED_VERSIONS}
    for paper in papers:
        versions = list(paper.versions.all())
        yours = [v for v in versions if v.format in mine]
        others = [v for v in versions if v.format not in mine]
        paper.choices = [(v, True) for v in yours] + [(None, False)] + [(v, False) for v in others]
        paper.missing_for_you = sorted(LABELS[f] for f in mine - {v.format for v in versions})
    return papers
