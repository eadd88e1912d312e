"""The organisation dashboard: how all the projects are doing, for staff, administrators and the
Advisory Board.

What is counted, and how it is kept safe:

- Projects and meetings are not people, so they are shown as they are, filtered by service area
  and period.
- Counts of people (times experts by experience came to a meeting and got something back;
  training completions; quiz results) are suppressed (PRIV-6) and never filtered by service
  area. Training and quiz figures are counted by whole calendar quarter, each quarter on its
  own; a period only chooses which quarters are shown, and every total is made from the shown
  figures. So no two views the filters allow can be compared to find a small number (PRIV-7).

Each project's step and warnings come from its stored placements (placement_refresh stores one
whenever they change), so the page needs a fixed number of queries however many projects there
are.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django import forms
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay, ExtractQuarter, ExtractYear
from django.utils import timezone

from copro.core.suppression import (
    Figure,
    Share,
    share_of_counts,
    suppress_count,
    total_from_shown,
)
from copro.framework.models import StaircaseStep, TrainingLevel
from copro.learning.models import Booking, QuizAttempt
from copro.meetings.models import Meeting
from copro.meetings.models.meeting import AFTERNOON_FROM_HOUR, EVENING_FROM_HOUR
from copro.people.equality import suppression_threshold
from copro.people.models import User
from copro.projects.models import Placement, Project
from copro.projects.permissions import project_list_visible
from copro.reciprocity.evidence import attendance_counts_by_project, reciprocity_met
from copro.reciprocity.selectors import reciprocity_share
from copro.reports.charts import BarChart, ChartItem, bar_chart, items_from_counts
from copro.reports.periods import Period, Quarter, aware, default_period, period_choices

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PARTS = ("Morning", "Afternoon", "Evening")
NOT_PLACED = "Not placed yet"
SIGNAL_RESULTS = ((True, "Met"), (False, "Not met"), (None, "Not known yet"))
QUIZ_BANDS = (
    ("all", "All answers right"),
    ("half", "Half or more right"),
    ("less", "Fewer than half right"),
)


class DashboardFilter(forms.Form):
    service_area = forms.ChoiceField(
        label="Service area",
        required=False,
        error_messages={"invalid_choice": "Choose a service area from the list"},
    )
    period = forms.ChoiceField(
        label="Period",
        required=False,
        error_messages={"invalid_choice": "Choose a period from the list"},
    )

    def __init__(self, *args, areas: list[str], today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].choices = [("", "All service areas")] + [(a, a) for a in areas]
        self.fields["period"].choices = period_choices(today)

    def chosen(self) -> tuple[str, str]:
        """The service area and period key to use: a value that is not valid is not applied
        (the page says why), the other one still is."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("service_area", ""), data.get("period", "")


@dataclass(frozen=True)
class WarningLine:
    project: Project
    titles: list[str]


@dataclass(frozen=True)
class TrendRow:
    quarter: Quarter
    by_step: list[int]  # projects on each step, step 1 first
    not_placed: int
    top_steps: int  # projects on the top two steps


@dataclass(frozen=True)
class PeopleRow:
    quarter: Quarter
    cells: list[Figure]
    total: Figure


@dataclass(frozen=True)
class PeopleTable:
    """Counts of people by quarter (rows) and kind (columns), each cell suppressed on its own;
    each row's total is made from the shown figures only. The chart draws the row totals."""

    slug: str
    columns: list[str]
    rows: list[PeopleRow]
    chart: BarChart


@dataclass(frozen=True)
class ReadinessLine:
    step: str
    status: str


@dataclass
class Dashboard:
    service_area: str
    period: Period
    made_on: date
    projects: int
    steps: list[tuple[str, int]]
    steps_chart: BarChart
    step_names: list[str]
    top_steps_label: str
    trend: list[TrendRow]
    trend_chart: BarChart
    warning_counts: list[tuple[str, int]]
    warnings_visible: list[WarningLine]
    warnings_elsewhere: int
    weekdays: list[tuple[str, int]]
    weekdays_chart: BarChart
    week_grid: list[tuple[str, list[int]]]
    parts: list[tuple[str, int]]
    reciprocity_projects: list[tuple[str, int]]
    attendances: Figure
    rewarded: Figure
    rewarded_share: Share
    training: PeopleTable
    quiz: PeopleTable
    threshold: int
    readiness: list[ReadinessLine] | None = None


def service_areas() -> list[str]:
    return sorted(
        set(Project.objects.exclude(service_area="").values_list("service_area", flat=True))
    )


# --- Projects by step, now and over the quarters ------------------------------------------


def _latest_placements(projects: QuerySet[Project], before) -> list[Placement]:
    latest = (
        Placement.objects.filter(project=OuterRef("pk"), placed_at__lt=before)
        .order_by("-placed_at", "-pk")
        .values("pk")[:1]
    )
    ids = projects.order_by().annotate(latest=Subquery(latest)).values("latest")
    return list(Placement.objects.filter(pk__in=ids).select_related("project"))


def _by_step(placements: list[Placement], total: int, steps) -> list[tuple[str, int]]:
    counts = Counter(p.step_id for p in placements)
    rows = [(f"Step {s.order}: {s.name}", counts.get(s.pk, 0)) for s in steps]
    rows.append((NOT_PLACED, max(total - len(placements), 0)))
    return rows


def trend_rows(
    quarters: Sequence[Quarter],
    created: Iterable[tuple[int, date]],
    history: Iterable[tuple[int, int, date]],
    step_count: int,
) -> list[TrendRow]:
    """Projects by step at the end of each quarter. `created` is (project, day it was made);
    `history` is (project, step order, day placed), oldest first."""
    created = list(created)
    history = list(history)
    rows = []
    current: dict[int, int] = {}
    index = 0
    for quarter in quarters:
        while index < len(history) and history[index][2] < quarter.end:
            project, order, _day = history[index]
            current[project] = order
            index += 1
        existing = {pk for pk, day in created if day < quarter.end} | set(current)
        counts = Counter(current.values())
        by_step = [counts.get(order, 0) for order in range(1, step_count + 1)]
        rows.append(
            TrendRow(
                quarter=quarter,
                by_step=by_step,
                not_placed=len(existing) - len(current),
                top_steps=sum(by_step[-2:]),
            )
        )
    return rows


def _trend(projects: QuerySet[Project], period: Period, step_count: int) -> list[TrendRow]:
    created = (
        (pk, timezone.localdate(at))
        for pk, at in projects.order_by().values_list("pk", "created_at")
    )
    history = (
        (pk, order, timezone.localdate(at))
        for pk, order, at in Placement.objects.filter(
            project__in=projects, placed_at__lt=period.end_at()
        )
        .order_by("placed_at", "pk")
        .values_list("project_id", "step__order", "placed_at")
    )
    return trend_rows(period.quarters, created, history, step_count)


def _warnings(placements: list[Placement], viewer: User):
    counts: Counter[str] = Counter()
    with_warnings = []
    for placement in placements:
        titles = [w.get("title", "") for w in placement.warnings if isinstance(w, dict)]
        counts.update(set(titles))
        if titles:
            with_warnings.append(WarningLine(placement.project, titles))
    visible = set(
        project_list_visible(viewer=viewer)
        .filter(pk__in=[line.project.pk for line in with_warnings])
        .values_list("pk", flat=True)
    )
    shown = [line for line in with_warnings if line.project.pk in visible]
    shown.sort(key=lambda line: line.project.title)
    return sorted(counts.items()), shown, len(with_warnings) - len(shown)


# --- Meetings -----------------------------------------------------------------------------


def _part(hour: int) -> str:
    if hour < AFTERNOON_FROM_HOUR:
        return "Morning"
    return "Afternoon" if hour < EVENING_FROM_HOUR else "Evening"


def _meetings(projects: QuerySet[Project], period: Period):
    """Meetings already held in the period, by weekday and part of the day, in the council's
    time zone."""
    rows = (
        Meeting.objects.filter(
            project__in=projects,
            starts_at__gte=period.start_at(),
            starts_at__lt=min(period.end_at(), timezone.now()),
        )
        .annotate(weekday=ExtractIsoWeekDay("starts_at"), hour=ExtractHour("starts_at"))
        .values_list("weekday", "hour")
        .annotate(n=Count("pk"))
        .order_by()
    )
    grid: Counter[tuple[str, str]] = Counter()
    for weekday, hour, n in rows:
        grid[(WEEKDAYS[weekday - 1], _part(hour))] += n
    week = [(day, [grid[(day, part)] for part in PARTS]) for day in WEEKDAYS]
    weekdays = [(day, sum(counts)) for day, counts in week]
    parts = [(part, sum(grid[(day, part)] for day in WEEKDAYS)) for part in PARTS]
    return week, weekdays, parts


def _reciprocity_projects(
    placements: list[Placement], total: int, *, live: bool
) -> list[tuple[str, int]]:
    """Projects by whether people get something back. For a period that runs to today this reads
    the current evidence (one query): stored placements only change when the step does, so their
    copy of the signal goes stale. Past periods keep what was stored at the time."""
    results: Counter = Counter()
    current = (
        attendance_counts_by_project(projects=[p.project_id for p in placements]) if live else {}
    )
    for placement in placements:
        if live:
            results[reciprocity_met(current.get(placement.project_id))] += 1
            continue
        signal = next(
            (s for s in placement.signals if isinstance(s, dict) and s.get("key") == "reciprocity"),
            {},
        )
        results[signal.get("met")] += 1
    rows = [(label, results.get(met, 0)) for met, label in SIGNAL_RESULTS]
    rows.append((NOT_PLACED, max(total - len(placements), 0)))
    return rows


# --- Counts of people by quarter (training, quiz) -------------------------------------------


def people_table(
    *,
    slug: str,
    title: str,
    description: str,
    quarters: Sequence[Quarter],
    columns: Sequence[tuple[object, str]],
    counts: dict[tuple[Quarter, object], int],
    threshold: int,
) -> PeopleTable:
    """Pure: exact counts per (quarter, column) in, the table as it may be shown out. Every
    figure shown depends only on its own cell, or (for a total) on figures already shown."""
    rows = []
    for quarter in quarters:
        cells = [
            suppress_count(counts.get((quarter, key), 0), threshold=threshold) for key, _ in columns
        ]
        rows.append(PeopleRow(quarter, cells, total_from_shown(cells, threshold=threshold)))
    chart = bar_chart(
        slug=slug,
        title=title,
        description=description,
        items=[
            ChartItem(row.quarter.label, row.total.chart_value, row.total.display) for row in rows
        ],
    )
    return PeopleTable(
        slug=slug, columns=[label for _key, label in columns], rows=rows, chart=chart
    )


def _span(quarters: Sequence[Quarter]) -> tuple[date, date]:
    return quarters[0].start, quarters[-1].end


def _training(period: Period, threshold: int) -> PeopleTable:
    start, end = _span(period.quarters)
    rows = (
        Booking.objects.filter(completed=True, session__date__gte=start, session__date__lt=end)
        .annotate(y=ExtractYear("session__date"), q=ExtractQuarter("session__date"))
        .values_list("y", "q", "session__level__order")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {(Quarter(y, q), order): n for y, q, order, n in rows}
    levels = TrainingLevel.objects.order_by("order").values_list("order", "name")
    return people_table(
        slug="training-completions",
        title="Training completed, by quarter",
        description="Each bar is the number of times someone completed a training level in "
        "that quarter, all levels together. Small numbers are not shown.",
        quarters=period.quarters,
        columns=list(levels),
        counts=counts,
        threshold=threshold,
    )


def _quiz(period: Period, threshold: int) -> PeopleTable:
    start, end = (aware(day) for day in _span(period.quarters))
    band = Case(
        When(score__gte=F("out_of"), then=Value("all")),
        When(double__gte=F("out_of"), then=Value("half")),
        default=Value("less"),
        output_field=CharField(),
    )
    rows = (
        QuizAttempt.objects.filter(created_at__gte=start, created_at__lt=end)
        .annotate(double=F("score") * 2)
        .annotate(band=band, y=ExtractYear("created_at"), q=ExtractQuarter("created_at"))
        .values_list("y", "q", "band")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {(Quarter(y, q), key): n for y, q, key, n in rows}
    return people_table(
        slug="quiz-results",
        title="Quiz attempts, by quarter",
        description="Each bar is the number of times someone took the quiz in that quarter. "
        "Small numbers are not shown.",
        quarters=period.quarters,
        columns=QUIZ_BANDS,
        counts=counts,
        threshold=threshold,
    )


# --- Readiness of the seven steps (when that part is installed) ---------------------------


def _text(item, names: Sequence[str]) -> str | None:
    for name in names:
        value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
        if value is not None and value != "":
            if isinstance(value, bool):
                return "Ready" if value else "Not ready yet"
            if not isinstance(value, str | int) and getattr(value, "name", None):
                return str(value.name)  # a step of the guidance
            return str(value)
    return None


def readiness_lines(summary) -> list[ReadinessLine]:
    """Whatever shape the summary has (a list of steps, or an object or dict with `steps`),
    as lines of step and status."""
    steps = summary.get("steps") if isinstance(summary, dict) else getattr(summary, "steps", None)
    if steps is None:
        steps = summary.items() if isinstance(summary, dict) else summary
    lines = []
    for item in steps or ():
        if isinstance(item, tuple | list) and len(item) >= 2:
            lines.append(ReadinessLine(str(item[0]), _text({"v": item[1]}, ["v"]) or ""))
            continue
        step = _text(item, ("step", "title", "name", "label", "text"))
        status = _text(item, ("status_label", "status", "state", "result", "ready", "done"))
        if step:
            if _text(item, ("overdue",)) == "Ready":  # a review date has passed
                status = f"{status or ''} (review overdue)".strip()
            lines.append(ReadinessLine(step, status or ""))
    return lines


def readiness_panel() -> list[ReadinessLine] | None:
    """None (and no panel) when the readiness part of the service is not installed."""
    try:
        from copro.readiness.selectors import readiness_summary
    except ImportError:
        return None
    return readiness_lines(readiness_summary())


# --- The dashboard ----------------------------------------------------------------------------


def organisation_dashboard(
    *,
    viewer: User,
    service_area: str = "",
    period: Period | None = None,
    today: date | None = None,
) -> Dashboard:
    today = today or timezone.localdate()
    period = period or default_period(today)
    threshold = suppression_threshold()
    projects = Project.objects.all()
    if service_area:
        projects = projects.filter(service_area=service_area)
    # Projects that existed by the end of the period (made by then, or placed by then).
    total = (
        projects.filter(
            Q(created_at__lt=period.end_at()) | Q(placements__placed_at__lt=period.end_at())
        )
        .distinct()
        .count()
    )
    steps_list = list(StaircaseStep.objects.order_by("order"))
    placements = _latest_placements(projects, period.end_at())
    steps = _by_step(placements, total, steps_list)
    trend = _trend(projects, period, len(steps_list))
    top_names = " or ".join(s.name for s in steps_list[-2:])
    warning_counts, visible, elsewhere = _warnings(placements, viewer)
    week, weekdays, parts = _meetings(projects, period)
    share = reciprocity_share()
    attendances = suppress_count(share["attendances"], threshold=threshold)
    rewarded = suppress_count(share["rewarded"], threshold=threshold)
    where = f" in {service_area}" if service_area else ""
    return Dashboard(
        service_area=service_area,
        period=period,
        made_on=today,
        projects=total,
        steps=steps,
        steps_chart=bar_chart(
            slug="projects-by-step",
            title=f"Projects{where} by step of the staircase",
            description=f"{total} projects{where}, at the end of {period.label}. Each bar is the "
            "number of projects the record puts on that step, from step 1 (shares the least "
            "power) to step 7 (the most).",
            items=items_from_counts(steps),
        ),
        step_names=[f"Step {s.order}: {s.name}" for s in steps_list],
        top_steps_label=top_names,
        trend=trend,
        trend_chart=bar_chart(
            slug="top-steps-by-quarter",
            title=f"Projects{where} at {top_names}, by quarter",
            description="Each bar is the number of projects on one of the top two steps of the "
            "staircase at the end of that quarter (or today, for this quarter).",
            items=items_from_counts([(row.quarter.label, row.top_steps) for row in trend]),
            top=max([0, *(sum(r.by_step) + r.not_placed for r in trend)]),
        ),
        warning_counts=warning_counts,
        warnings_visible=visible,
        warnings_elsewhere=elsewhere,
        weekdays=weekdays,
        weekdays_chart=bar_chart(
            slug="meetings-by-weekday",
            title=f"Meetings held{where} by day of the week",
            description=f"{sum(n for _d, n in weekdays)} meetings held in {period.label}. Each "
            "bar is the number held on that day of the week.",
            items=items_from_counts(weekdays),
        ),
        week_grid=week,
        parts=parts,
        reciprocity_projects=_reciprocity_projects(
            placements, total, live=period.end_at() > timezone.now()
        ),
        attendances=attendances,
        rewarded=rewarded,
        rewarded_share=share_of_counts(
            share["rewarded"], share["attendances"], threshold=threshold
        ),
        training=_training(period, threshold),
        quiz=_quiz(period, threshold),
        threshold=threshold,
        readiness=readiness_panel(),
    )


def _shown(figure: Figure) -> int | str:
    return figure.display if figure.hidden else figure.chart_value


def people_figures(section: str, table: PeopleTable) -> list[tuple[str, str, int | str]]:
    rows: list[tuple[str, str, int | str]] = []
    for row in table.rows:
        for label, cell in zip(table.columns, row.cells, strict=True):
            rows.append((section, f"{row.quarter.label}: {label}", _shown(cell)))
        rows.append((section, f"{row.quarter.label}: Total", _shown(row.total)))
    return rows


def dashboard_figures(d: Dashboard, *, public: bool = False) -> list[tuple[str, str, int | str]]:
    """(section, figure, value) for the CSV files. The open-data file (public) leaves out the
    list of warnings by name and anything about a single project."""
    rows: list[tuple[str, str, int | str]] = [
        ("Projects by step", label, count) for label, count in d.steps
    ]
    for row in d.trend:
        for name, count in zip(d.step_names, row.by_step, strict=True):
            rows.append(("Projects by step and quarter", f"{row.quarter.label}: {name}", count))
        rows.append(
            ("Projects by step and quarter", f"{row.quarter.label}: {NOT_PLACED}", row.not_placed)
        )
    rows += [("Signs of faux-production (projects)", title, n) for title, n in d.warning_counts]
    rows += [("Meetings held by day of the week", day, n) for day, n in d.weekdays]
    rows += [("Meetings held by time of day", part, n) for part, n in d.parts]
    rows += [("Projects where people get something back", k, n) for k, n in d.reciprocity_projects]
    rows += [
        (
            "Reciprocity, whole council",
            "Times experts by experience took part",
            _shown(d.attendances),
        ),
        ("Reciprocity, whole council", "Times they got something back", _shown(d.rewarded)),
        ("Reciprocity, whole council", "Share that got something back", d.rewarded_share.display),
    ]
    rows += people_figures("Training completed, whole council", d.training)
    rows += people_figures("Quiz attempts, whole council", d.quiz)
    if d.readiness and not public:
        rows += [("Readiness of the seven steps", line.step, line.status) for line in d.readiness]
    return rows
