"""The organisation dashboard: how all the projects are doing, for staff, administrators and the
Advisory Board.

The figures count projects and meetings, which are not people, so they are shown as they are.
The one count of people (times experts by experience came to a meeting, and got something back)
is suppressed, and is not filtered by service area, so two views cannot be compared to find a
small number (PRIV-7).

Each project's step and warnings come from its latest stored placement (placement_refresh
stores one whenever they change), so the page needs a fixed number of queries however many
projects there are - about eight.
"""

from collections import Counter
from dataclasses import dataclass

from django import forms
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay
from django.utils import timezone

from copro.core.suppression import Figure, Share, share_of, suppress_count
from copro.framework.models import StaircaseStep
from copro.meetings.models import Meeting
from copro.meetings.models.meeting import AFTERNOON_FROM_HOUR, EVENING_FROM_HOUR
from copro.people.models import User
from copro.projects.models import Placement, Project
from copro.projects.permissions import project_list_visible
from copro.reciprocity.selectors import reciprocity_share
from copro.reports.charts import BarChart, bar_chart, items_from_counts

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
PARTS = ("Morning", "Afternoon", "Evening")
NOT_PLACED = "Not placed yet"
SIGNAL_RESULTS = ((True, "Met"), (False, "Not met"), (None, "Not known yet"))


class DashboardFilter(forms.Form):
    service_area = forms.ChoiceField(
        label="Service area",
        required=False,
        error_messages={"invalid_choice": "Choose a service area from the list"},
    )

    def __init__(self, *args, areas: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].choices = [("", "All service areas")] + [(a, a) for a in areas]


@dataclass(frozen=True)
class WarningLine:
    project: Project
    titles: list[str]


@dataclass
class Dashboard:
    service_area: str
    projects: int
    steps: list[tuple[str, int]]
    steps_chart: BarChart
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


def service_areas() -> list[str]:
    return sorted(
        set(Project.objects.exclude(service_area="").values_list("service_area", flat=True))
    )


def _latest_placements(projects: QuerySet[Project]) -> list[Placement]:
    latest = (
        Placement.objects.filter(project=OuterRef("pk"))
        .order_by("-placed_at", "-pk")
        .values("pk")[:1]
    )
    ids = projects.order_by().annotate(latest=Subquery(latest)).values("latest")
    return list(Placement.objects.filter(pk__in=ids).select_related("project"))


def _by_step(placements: list[Placement], total: int) -> list[tuple[str, int]]:
    counts = Counter(p.step_id for p in placements)
    steps = StaircaseStep.objects.order_by("order")
    rows = [(f"Step {s.order}: {s.name}", counts.get(s.pk, 0)) for s in steps]
    rows.append((NOT_PLACED, total - len(placements)))
    return rows


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


def _part(hour: int) -> str:
    if hour < AFTERNOON_FROM_HOUR:
        return "Morning"
    return "Afternoon" if hour < EVENING_FROM_HOUR else "Evening"


def _meetings(projects: QuerySet[Project]):
    """Meetings already held, by weekday and part of the day, in the council's time zone."""
    rows = (
        Meeting.objects.filter(project__in=projects, starts_at__lte=timezone.now())
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


def _reciprocity_projects(placements: list[Placement], total: int) -> list[tuple[str, int]]:
    results: Counter = Counter()
    for placement in placements:
        signal = next(
            (s for s in placement.signals if isinstance(s, dict) and s.get("key") == "reciprocity"),
            {},
        )
        results[signal.get("met")] += 1
    rows = [(label, results.get(met, 0)) for met, label in SIGNAL_RESULTS]
    rows.append((NOT_PLACED, total - len(placements)))
    return rows


def organisation_dashboard(*, viewer: User, service_area: str = "") -> Dashboard:
    projects = Project.objects.all()
    if service_area:
        projects = projects.filter(service_area=service_area)
    total = projects.count()
    placements = _latest_placements(projects)
    steps = _by_step(placements, total)
    warning_counts, visible, elsewhere = _warnings(placements, viewer)
    week, weekdays, parts = _meetings(projects)
    share = reciprocity_share()
    attendances, rewarded = suppress_count(share["attendances"]), suppress_count(share["rewarded"])
    where = f" in {service_area}" if service_area else ""
    return Dashboard(
        service_area=service_area,
        projects=total,
        steps=steps,
        steps_chart=bar_chart(
            slug="projects-by-step",
            title=f"Projects{where} by step of the staircase",
            description=f"{total} projects{where}. Each bar is the number of projects the record "
            "puts on that step, from step 1 (shares the least power) to step 7 (the most).",
            items=items_from_counts(steps),
        ),
        warning_counts=warning_counts,
        warnings_visible=visible,
        warnings_elsewhere=elsewhere,
        weekdays=weekdays,
        weekdays_chart=bar_chart(
            slug="meetings-by-weekday",
            title=f"Meetings held{where} by day of the week",
            description=f"{sum(n for _d, n in weekdays)} meetings held. Each bar is the number "
            "held on that day of the week.",
            items=items_from_counts(weekdays),
        ),
        week_grid=week,
        parts=parts,
        reciprocity_projects=_reciprocity_projects(placements, total),
        attendances=attendances,
        rewarded=rewarded,
        rewarded_share=share_of(rewarded, attendances),
    )
