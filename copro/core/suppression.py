"""Small-number suppression for equality-monitoring figures (TESTING.md decision 3, PRIV-6/7/8).

Pure Python, no Django: a page, a CSV and a chart all take their numbers from here, so what one
shows is exactly what the others show.

The rules:

- a true 0 shows as 0;
- a count from 1 to threshold - 1 shows as "fewer than 5" (the threshold is never below 5);
- every other count is rounded to the nearest 5, and never shown as less than the smallest
  multiple of 5 at or above the threshold, so a shown figure never overlaps the hidden range;
- a table's total is worked out from the figures shown, never from the exact counts: each shown
  figure as shown, each hidden one as half the threshold, rounded to the nearest 5. So the total
  says nothing that the rows do not already say, and it cannot narrow down a hidden row;
- a share (percentage) is worked out from the shown figure and the shown total, and is hidden
  wherever its count (or the total) is.
- one rule for a single share of two counts on any page (`share_of_counts`, issue 17): the share is
  shown only when neither count was hidden or rounded, and is then the exact share, so it always
  agrees with the evidence signal built from the same counts. 9 of 12 shows as "10" and "10"
  with the share "not shown", never "100%" beside a signal that says 75%.

Why the total is not the exact total rounded: four rows of "5" and two of "fewer than 5" with a
total of "20" would give both hidden rows away (each must be 1, as the total is at most 22). A
total made from the shown figures cannot.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MINIMUM_THRESHOLD = 5
ROUND_TO = 5
HIDDEN_SHARE = "not shown"


class ThresholdTooLow(ValueError):
    """The threshold would show counts that identify people. Refused, never quietly raised."""


def check_threshold(threshold: object) -> int:
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise ThresholdTooLow(
            f"The suppression threshold must be a whole number, not {threshold!r}"
        )
    if threshold < MINIMUM_THRESHOLD:
        raise ThresholdTooLow(
            f"The suppression threshold is {threshold}, but it must be at least "
            f"{MINIMUM_THRESHOLD}: smaller counts can identify people."
        )
    return threshold


def hidden_text(threshold: int) -> str:
    return f"fewer than {threshold}"


@dataclass(frozen=True)
class Figure:
    """A count as it may be shown. `chart_value` is None when the figure is hidden."""

    display: str
    chart_value: int | None
    hidden: bool


@dataclass(frozen=True)
class Share:
    """A percentage worked out from shown figures; `chart_value` is a whole percent."""

    display: str
    chart_value: int | None
    hidden: bool


@dataclass(frozen=True)
class Row:
    label: str
    count: Figure
    share: Share


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    total: Figure
    threshold: int

    @property
    def any_hidden(self) -> bool:
        return any(row.count.hidden for row in self.rows)


def _round_half_up(value: Decimal, step: int = 1) -> int:
    return int((value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * step


def _smallest_shown(threshold: int) -> int:
    return -(-threshold // ROUND_TO) * ROUND_TO


def suppress_count(count: int, *, threshold: int = MINIMUM_THRESHOLD) -> Figure:
    threshold = check_threshold(threshold)
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ValueError(f"A count must be a whole number of 0 or more, not {count!r}")
    if count == 0:
        return Figure(display="0", chart_value=0, hidden=False)
    if count < threshold:
        return Figure(display=hidden_text(threshold), chart_value=None, hidden=True)
    shown = max(_round_half_up(Decimal(count), ROUND_TO), _smallest_shown(threshold))
    return Figure(display=str(shown), chart_value=shown, hidden=False)


def total_from_shown(figures: Iterable[Figure], *, threshold: int = MINIMUM_THRESHOLD) -> Figure:
    """A total made only from what is shown: hidden rows count as half the threshold.

    When no row is shown (every row is 0 or hidden, and at least one is hidden) the total is
    hidden too: it would only repeat a guess.
    """
    threshold = check_threshold(threshold)
    figures = list(figures)
    shown = sum(f.chart_value for f in figures if not f.hidden)
    hidden = sum(1 for f in figures if f.hidden)
    if hidden and not shown:
        return Figure(display=hidden_text(threshold * hidden), chart_value=None, hidden=True)
    estimate = Decimal(shown) + Decimal(threshold) * hidden / 2
    total = _round_half_up(estimate, ROUND_TO)
    return Figure(display=str(total), chart_value=total, hidden=False)


def share_of(count: Figure, total: Figure) -> Share:
    """`count` as a whole percentage of `total`, both as shown; hidden wherever either is."""
    if count.hidden or total.hidden or not total.chart_value:
        return Share(display=HIDDEN_SHARE, chart_value=None, hidden=True)
    percent = _round_half_up(Decimal(100 * count.chart_value) / total.chart_value)
    return Share(display=f"{percent}%", chart_value=percent, hidden=False)


def share_of_counts(count: int, total: int, *, threshold: int = MINIMUM_THRESHOLD) -> Share:
    """The exact share of two exact counts, hidden wherever either count is hidden or rounded."""
    exact = (count, total)
    shown = [suppress_count(n, threshold=threshold) for n in exact]
    if not total or any(f.hidden or f.chart_value != n for f, n in zip(shown, exact, strict=True)):
        return Share(display=HIDDEN_SHARE, chart_value=None, hidden=True)
    percent = _round_half_up(Decimal(100 * count) / total)
    return Share(display=f"{percent}%", chart_value=percent, hidden=False)


def suppress_table(
    counts: Sequence[tuple[str, int]], *, threshold: int = MINIMUM_THRESHOLD
) -> Table:
    """Rows of (label, exact count) in, the table as it may be shown out."""
    figures = [suppress_count(count, threshold=threshold) for _label, count in counts]
    total = total_from_shown(figures, threshold=threshold)
    rows = tuple(
        Row(label=label, count=figure, share=share_of(figure, total))
        for (label, _count), figure in zip(counts, figures, strict=True)
    )
    return Table(rows=rows, total=total, threshold=threshold)


def suppress_counts_only(
    counts: Sequence[tuple[str, int]], *, threshold: int = MINIMUM_THRESHOLD
) -> Table:
    """For a question where a person may give several answers: counts, but no total or shares,
    because the rows do not add up to the number of people."""
    hidden_share = Share(display=HIDDEN_SHARE, chart_value=None, hidden=True)
    rows = tuple(
        Row(label=label, count=suppress_count(count, threshold=threshold), share=hidden_share)
        for label, count in counts
    )
    no_total = Figure(display="", chart_value=None, hidden=True)
    return Table(rows=rows, total=no_total, threshold=threshold)
