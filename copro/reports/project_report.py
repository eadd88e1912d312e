"""Everything a project report shows, read once: the page, the PDF and the CSV all take their
figures from here, so what one shows is exactly what the others show.

Counts of people go through copro.core.suppression (PRIV-6): 1 to 4 shows as "fewer than 5",
other counts are rounded to 5, and totals and shares are worked out from what is shown. Figures
that could give a hidden count away are left out: the evidence signals that count people
(who was involved from the start, the balance of voices, who got something back) appear in the
report only as met or not, never with their numbers.

A fixed number of queries whatever the size of the project: the evidence (about fifteen),
then one query per section below.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils import timezone

from copro.core.suppression import (
    Figure,
    Share,
    Table,
    share_of_counts,
    suppress_count,
    suppress_table,
)
from copro.meetings.evidence import meeting_signals
from copro.meetings.models import Attendance, Paper
from copro.projects.evidence.placement import Evidence, placement_trend, project_evidence
from copro.projects.evidence.scorecard import NO_DATA
from copro.projects.models import Contribution, Decision, Membership, Placement, Position, Project
from copro.reciprocity.evidence import attendance_counts
from copro.reciprocity.models import Expense, PaymentClaim, Reward, Transaction
from copro.reports.charts import Bar, BarChart, ChartItem, bar_chart
from copro.reports.money import pounds

KINDS = (
    (Membership.Kind.EXPERIENCE, "Experts by experience"),
    (Membership.Kind.QUALIFICATION, "Experts by qualification"),
)
# Signals whose figures count things, not people: shown with their numbers.
SIGNALS_WITH_FIGURES = {"whole_life", "shared_decisions", "influence", "adopted", "response_days"}
PRINCIPLE_MEANING = {
    "equality": "Experts by experience have an equal voice in decisions.",
    "diversity": "The people taking part reflect the people the service is for.",
    "access": "Meetings are easy to get to and take part in, with what people need in place.",
    "reciprocity": "People get something back for the time they give.",
}
PAPER_LEVELS = (
    ("easy", "Easy to read"),
    ("fairly easy", "Fairly easy to read"),
    ("hard", "Hard to read"),
)


@dataclass(frozen=True)
class TakingPart:
    """One activity (such as "came to a meeting") by kind of member, suppressed."""

    title: str
    table: Table


@dataclass(frozen=True)
class SignalLine:
    name: str
    threshold: str
    shows: str  # the figure, or a sentence saying why it is not shown
    result: str  # "Met", "Not met" or "Not known yet"


@dataclass(frozen=True)
class ScoreLine:
    name: str
    meaning: str
    result: str
    reason: str


@dataclass(frozen=True)
class DecisionLine:
    title: str
    method: str
    decided_on: date | None
    outcome: str


@dataclass(frozen=True)
class Reciprocity:
    attendances: Figure
    rewarded: Figure
    share: Share
    credits_given: int
    paid_pence: int
    expenses_pence: int

    @property
    def paid(self) -> str:
        return pounds(self.paid_pence)

    @property
    def expenses(self) -> str:
        return pounds(self.expenses_pence)


@dataclass(frozen=True)
class Meetings:
    held: int
    arrangements_requested: Figure
    arrangements_in_time: Figure
    arrangements_share: Share
    papers: list[tuple[str, int]]


@dataclass
class ProjectReport:
    project: Project
    made_on: date
    period_from: date
    stages: list[tuple[str, date]]
    evidence: Evidence
    signals: list[SignalLine]
    scorecard: list[ScoreLine]
    trend: list[Placement]
    trend_chart: BarChart
    taking_part: list[TakingPart]
    meetings: Meetings
    decisions_by_method: list[tuple[str, int, int]]  # method, decided, open
    decided: list[DecisionLine]
    you_said: list[tuple[str, int]]
    reciprocity: Reciprocity
    figures: list[tuple[str, str, int | str]] = field(default_factory=list)

    @property
    def period(self) -> str:
        return f"{self.period_from:%-d %B %Y} to {self.made_on:%-d %B %Y}"

    @property
    def trend_rows(self) -> list[tuple[Bar, int]]:
        """Each bar of the trend chart beside the placement it draws, for the table."""
        return [
            (bar, len(placement.warnings))
            for bar, placement in zip(self.trend_chart.bars, self.trend, strict=True)
        ]

    @property
    def decisions_made(self) -> int:
        return sum(decided for _method, decided, _open in self.decisions_by_method)

    @property
    def ideas_raised(self) -> int:
        return sum(count for _status, count in self.you_said)

    @property
    def taking_part_kinds(self) -> list[tuple[str, list[Figure]]]:
        """Rows of the "who took part" table: each kind, then the total, across activities."""
        rows = [
            (label, [part.table.rows[index].count for part in self.taking_part])
            for index, (_kind, label) in enumerate(KINDS)
        ]
        rows.append(("Total", [part.table.total for part in self.taking_part]))
        return rows


def _result(met: bool | None) -> str:
    if met is None:
        return "Not known yet"
    return "Met" if met else "Not met"


def _signal_lines(evidence: Evidence) -> list[SignalLine]:
    hidden = "Counts people, so only the result is shown here"
    return [
        SignalLine(
            name=signal.name,
            threshold=signal.threshold,
            shows=signal.display if signal.key in SIGNALS_WITH_FIGURES else hidden,
            result=_result(signal.met),
        )
        for signal in evidence.signals
    ]


def _scorecard(evidence: Evidence) -> list[ScoreLine]:
    # The reasons quote counts of people, except where there is no data yet.
    return [
        ScoreLine(
            name=score.name,
            meaning=PRINCIPLE_MEANING.get(score.slug, ""),
            result=score.label,
            reason=score.reason if score.status == NO_DATA else "",
        )
        for score in evidence.scorecard
    ]


def _trend_chart(trend: list[Placement], evidence: Evidence) -> BarChart:
    top = len(evidence.steps)
    items = [
        ChartItem(
            label=f"{timezone.localtime(p.placed_at):%-d %B %Y}",
            value=p.step.order,
            text=f"Step {p.step.order}: {p.step.name}",
        )
        for p in trend
    ]
    if trend:
        first, last = trend[0].step, trend[-1].step
        description = (
            f"{len(trend)} placements. The first put the project at step {first.order}, "
            f"{first.name}; the latest at step {last.order}, {last.name}. "
            f"Longer bars are higher up the staircase of {top} steps."
        )
    else:
        description = "No placement has been stored yet."
    return bar_chart(
        slug="placement-trend",
        title="The project's step on the staircase over time",
        description=description,
        items=items,
        top=top,
    )


def _by_kind(rows, title: str) -> TakingPart:
    counts = {kind: count for kind, count in rows}
    table = suppress_table([(label, counts.get(kind, 0)) for kind, label in KINDS])
    return TakingPart(title=title, table=table)


def _taking_part(project: Project) -> list[TakingPart]:
    people = Count("user", distinct=True)
    members = Membership.objects.filter(project=project, left_on__isnull=True)
    came = Attendance.objects.filter(meeting__project=project, status=Attendance.Status.ATTENDED)
    voices = Position.objects.filter(decision__project=project)
    ideas = Contribution.objects.filter(project=project)
    return [
        _by_kind(members.values_list("kind").annotate(n=people), "Members now"),
        _by_kind(came.values_list("kind").annotate(n=people), "Came to a meeting"),
        _by_kind(voices.values_list("kind").annotate(n=people), "Had a say in a decision"),
        _by_kind(
            ideas.values_list("member_kind").annotate(n=Count("raised_by", distinct=True)),
            "Raised an idea or concern",
        ),
    ]


def _meetings(project: Project) -> Meetings:
    facts = meeting_signals(project=project)
    requested_count = facts["arrangements_requested"]
    in_time_count = facts["arrangements_provided_in_time"]
    requested = suppress_count(requested_count)
    in_time = suppress_count(in_time_count)
    levels = dict(
        Paper.objects.filter(meeting__project=project)
        .values_list("plain_english_level")
        .annotate(n=Count("pk"))
    )
    papers = [(label, levels.get(level, 0)) for level, label in PAPER_LEVELS]
    papers.append(("Not checked (we cannot read the text of PDF files yet)", levels.get("", 0)))
    return Meetings(
        held=facts["meetings_held"],
        arrangements_requested=requested,
        arrangements_in_time=in_time,
        arrangements_share=share_of_counts(in_time_count, requested_count),
        papers=papers,
    )


def _method_name(method: str) -> str:
    return Decision.Method(method).label.split(":")[0]


def _decisions(project: Project) -> tuple[list[tuple[str, int, int]], list[DecisionLine]]:
    counts = {
        (method, status): n
        for method, status, n in Decision.objects.filter(project=project)
        .values_list("method", "status")
        .annotate(n=Count("pk"))
    }
    by_method = [
        (
            _method_name(method),
            counts.get((method, Decision.Status.DECIDED), 0),
            counts.get((method, Decision.Status.OPEN), 0),
        )
        for method in Decision.Method.values
    ]
    decided = [
        DecisionLine(d.title, _method_name(d.method), d.decided_on, d.outcome)
        for d in Decision.objects.filter(project=project, status=Decision.Status.DECIDED).order_by(
            "-decided_on", "-pk"
        )[:50]
    ]
    return by_method, decided


def _you_said(project: Project) -> list[tuple[str, int]]:
    counts = dict(
        Contribution.objects.filter(project=project).values_list("status").annotate(n=Count("pk"))
    )
    return [(label, counts.get(status, 0)) for status, label in Contribution.Status.choices]


def _reciprocity(project: Project) -> Reciprocity:
    # The same counts as the evidence signal "Something back", so the page tells one truth.
    counts = attendance_counts(project=project)
    attendances = suppress_count(counts["attended"])
    rewarded = suppress_count(counts["rewarded"])
    reversed_ = Transaction.objects.filter(reverses=OuterRef("credit_transaction"))
    credits = Reward.objects.filter(project=project, credit_transaction__isnull=False).aggregate(
        total=Sum("given_credits", filter=~Q(Exists(reversed_))),
    )["total"]
    paid = PaymentClaim.objects.filter(
        reward__project=project, status=PaymentClaim.Status.PAID
    ).aggregate(total=Sum("amount_pence"))["total"]
    expenses = Expense.objects.filter(project=project, status=Expense.Status.PAID).aggregate(
        total=Sum("amount_pence")
    )["total"]
    return Reciprocity(
        attendances=attendances,
        rewarded=rewarded,
        share=share_of_counts(counts["rewarded"], counts["attended"]),
        credits_given=credits or 0,
        paid_pence=paid or 0,
        expenses_pence=expenses or 0,
    )


def project_report(*, project: Project, today: date | None = None) -> ProjectReport:
    today = today or timezone.localdate()
    evidence = project_evidence(project=project)
    trend = placement_trend(project=project)
    stages = list(project.stage_changes.order_by("changed_on", "pk"))
    by_method, decided = _decisions(project)
    report = ProjectReport(
        project=project,
        made_on=today,
        period_from=stages[0].changed_on if stages else timezone.localdate(project.created_at),
        stages=[(change.get_stage_display(), change.changed_on) for change in stages],
        evidence=evidence,
        signals=_signal_lines(evidence),
        scorecard=_scorecard(evidence),
        trend=trend,
        trend_chart=_trend_chart(trend, evidence),
        taking_part=_taking_part(project),
        meetings=_meetings(project),
        decisions_by_method=by_method,
        decided=decided,
        you_said=_you_said(project),
        reciprocity=_reciprocity(project),
    )
    report.figures = report_figures(report)
    return report


def report_figures(report: ProjectReport) -> list[tuple[str, str, int | str]]:
    """(section, figure, value) for the CSV: whole numbers stay numbers; a hidden count is its
    words ("fewer than 5"), exactly as the page shows it."""
    step = report.evidence.step
    rows: list[tuple[str, str, int | str]] = [
        ("Staircase", "Step the record supports", step.order),
        ("Staircase", "Name of the step", step.name),
        ("Staircase", "Signs of faux-production", len(report.evidence.warnings)),
    ]
    rows += [("Principles", line.name, line.result) for line in report.scorecard]
    for part in report.taking_part:
        rows += [
            (f"Who took part: {part.title}", row.label, _shown(row.count))
            for row in part.table.rows
        ]
        rows.append((f"Who took part: {part.title}", "Total", _shown(part.table.total)))
    meetings = report.meetings
    rows += [
        ("Meetings", "Meetings held", meetings.held),
        ("Meetings", "Access arrangements requested", _shown(meetings.arrangements_requested)),
        (
            "Meetings",
            "Arrangements in place before the meeting",
            _shown(meetings.arrangements_in_time),
        ),
        ("Meetings", "Share in place before the meeting", meetings.arrangements_share.display),
    ]
    rows += [("Papers: plain English", label, count) for label, count in meetings.papers]
    for method, decided, open_ in report.decisions_by_method:
        rows.append(("Decisions made", method, decided))
        rows.append(("Decisions still open", method, open_))
    rows += [("You said, we did", label, count) for label, count in report.you_said]
    money = report.reciprocity
    rows += [
        ("Reciprocity", "Times experts by experience came to a meeting", _shown(money.attendances)),
        ("Reciprocity", "Times they got something back", _shown(money.rewarded)),
        ("Reciprocity", "Share that got something back", money.share.display),
        ("Reciprocity", "Time credits given", money.credits_given),
        ("Reciprocity", "Paid for people's time (pence)", money.paid_pence),
        (
            "Expenses (not counted as reciprocity)",
            "Expenses paid back (pence)",
            money.expenses_pence,
        ),
    ]
    return rows


def _shown(figure: Figure) -> int | str:
    return figure.display if figure.hidden else figure.chart_value
