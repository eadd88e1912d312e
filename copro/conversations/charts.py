"""A poll's results as a server-drawn SVG bar chart, always followed on the page by a table of
the same figures. Drawn here, the way copro/reports/charts.py draws its charts, because reports
sits above this app in the layering (STYLE.md) and must not be imported from here."""

from dataclasses import dataclass

WIDTH = 640
BAR_AREA = 460
LABEL_HEIGHT = 20
BAR_HEIGHT = 18
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + 14


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    label_y: int
    y: int
    width: int
    text_x: int


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    bars: tuple[Bar, ...]
    width: int
    height: int


def bar_chart(results) -> Chart:
    """One bar per answer, scaled to the largest count; the figure is written beside it."""
    top = max([r.count for r in results] + [0])
    bars = []
    for index, result in enumerate(results):
        width = round(BAR_AREA * result.count / top) if top else 0
        y = index * ROW_HEIGHT + LABEL_HEIGHT
        text = f"{result.count} ({result.percent}%)"
        bars.append(Bar(result.option, text, y - 5, y, width, width + 6))
    total = sum(r.count for r in results)
    return Chart(
        title="Answers to the poll",
        description=f"How many people chose each answer, out of {total}. The table below "
        "gives the same figures.",
        bars=tuple(bars),
        width=WIDTH,
        height=max(ROW_HEIGHT * len(bars), ROW_HEIGHT),
    )
