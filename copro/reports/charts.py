"""Bar charts drawn on the server as SVG, readable without JavaScript or colour.

Each chart has a <title> and a <desc> named by aria-labelledby, every bar carries its figure as
text beside it, and a page always follows a chart with a table of the same figures (PRIV-8). A
hidden (suppressed) figure is drawn as a short hatched marker with the words "fewer than 5",
never as a bar whose length could give the number away.

Colours: bars #1d70b8 (5.2:1 against white), text #0b0c0c; the hatching is #505a5f (7:1).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from copro.core.suppression import Table

WIDTH = 640
BAR_AREA = 460  # the longest bar; the rest is room for the figure after it
LABEL_HEIGHT = 20
BAR_HEIGHT = 18
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + 14
HIDDEN_MARKER_WIDTH = 14


@dataclass(frozen=True)
class ChartItem:
    """One bar as the caller knows it: a value of None means the figure is hidden."""

    label: str
    value: int | None
    text: str


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | None
    text: str
    hidden: bool
    label_y: int
    y: int
    width: int
    text_x: int


@dataclass(frozen=True)
class BarChart:
    slug: str
    title: str
    description: str
    bars: tuple[Bar, ...]
    width: int
    height: int


def _bar(item: ChartItem, index: int, top: int) -> Bar:
    label_y = index * ROW_HEIGHT + LABEL_HEIGHT - 5
    y = index * ROW_HEIGHT + LABEL_HEIGHT
    if item.value is None:
        return Bar(item.label, None, item.text, True, label_y, y, 0, HIDDEN_MARKER_WIDTH + 6)
    width = round(BAR_AREA * item.value / top) if top else 0
    return Bar(item.label, item.value, item.text, False, label_y, y, width, width + 6)


def bar_chart(
    *, slug: str, title: str, description: str, items: Iterable[ChartItem], top: int | None = None
) -> BarChart:
    """Horizontal bars, one per item, scaled so that `top` (or the largest value) fills the
    width. Values must be whole numbers of 0 or more."""
    items = list(items)
    values = [item.value for item in items if item.value is not None]
    if any(value < 0 for value in values):
        raise ValueError("A bar chart shows counts: no value can be below 0")
    top = max([top or 0, *values, 0])
    bars = tuple(_bar(item, index, top) for index, item in enumerate(items))
    return BarChart(
        slug=slug,
        title=title,
        description=description,
        bars=bars,
        width=WIDTH,
        height=max(ROW_HEIGHT * len(bars), ROW_HEIGHT),
    )


def items_from_table(table: Table) -> list[ChartItem]:
    """The rows of a suppressed table as chart items: the same figures the table shows."""
    return [ChartItem(row.label, row.count.chart_value, row.count.display) for row in table.rows]


def items_from_counts(counts: Sequence[tuple[str, int]]) -> list[ChartItem]:
    """Counts that are not of people (projects, meetings): shown as they are."""
    return [ChartItem(label, count, str(count)) for label, count in counts]
