"""The audit trend as a chart and a table of the same figures (reports' bar chart helper).

Bars are the average score of each principle in each round, out of 5. The chart helper draws
whole numbers, so a bar's value is the average in tenths (3.5 -> 35, of a top of 50); the text
beside each bar, and the table, give the average with one decimal place.
"""

from dataclasses import dataclass

from copro.readiness.models import HIGHEST_SCORE
from copro.readiness.selectors import TrendPoint
from copro.reports.charts import BarChart, ChartItem, bar_chart


@dataclass
class TrendTable:
    principles: list[str]
    rows: list[tuple[object, list[str]]]  # (round, the average for each principle)


def _label(point: TrendPoint) -> str:
    return f"{point.principle.name}, {point.round.title} ({point.round.held_on:%B %Y})"


def trend_chart(points: list[TrendPoint]) -> BarChart:
    ordered = sorted(points, key=lambda p: (p.principle.order, p.round.held_on, p.round.pk))
    items = [
        ChartItem(
            _label(point),
            round(point.figures.average * 10),
            f"{point.figures.average_text} out of {HIGHEST_SCORE}",
        )
        for point in ordered
    ]
    rounds = len({point.round.pk for point in points})
    return bar_chart(
        slug="audit-trend",
        title="Average score for each principle, round by round",
        description=f"Average scores out of {HIGHEST_SCORE} for each of the four principles "
        f"in {rounds} audit round{'s' if rounds != 1 else ''}, oldest first. The table below "
        "gives the same figures.",
        items=items,
        top=HIGHEST_SCORE * 10,
    )


def trend_table(points: list[TrendPoint]) -> TrendTable:
    principles: dict[int, str] = {}
    rounds: dict[int, object] = {}
    cells: dict[tuple[int, int], str] = {}
    for point in sorted(points, key=lambda p: p.principle.order):
        principles.setdefault(point.principle.pk, point.principle.name)
        rounds.setdefault(point.round.pk, point.round)
        cells[(point.round.pk, point.principle.pk)] = point.figures.average_text
    ordered = sorted(rounds.values(), key=lambda r: (r.held_on, r.pk))
    rows = [
        (each, [cells.get((each.pk, pk), "No scores") for pk in principles]) for each in ordered
    ]
    return TrendTable(principles=list(principles.values()), rows=rows)
