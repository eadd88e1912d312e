"""The audit's arithmetic, in plain Python with exact fractions, so a figure never drifts.

- A statement's figures: the middle score (median) and the average of everyone's scores.
- A principle's figures: the average of its statements' averages, and the middle of its
  statements' middles. Each statement counts once, however many people scored it, so a
  statement few people felt able to score does not weigh less than the others. Both figures
  always lie between the lowest and highest of its statements' figures.
- Statements nobody scored are left out, and a principle with no scores has no figure.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from statistics import median


@dataclass(frozen=True)
class Figures:
    """The middle and average of some scores, and how many scores they come from."""

    median: Fraction | None
    average: Fraction | None
    count: int

    @property
    def median_text(self) -> str:
        return one_decimal(self.median)

    @property
    def average_text(self) -> str:
        return one_decimal(self.average)


def one_decimal(value: Fraction | None) -> str:
    """3.25 shows as "3.3" (halves go up, as people expect), and no figure as "No scores"."""
    if value is None:
        return "No scores"
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return str(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _median(values: Sequence[Fraction]) -> Fraction:
    return Fraction(median(sorted(values)))


def statement_figures(scores: Iterable[int]) -> Figures:
    values = [Fraction(score) for score in scores]
    if not values:
        return Figures(None, None, 0)
    return Figures(_median(values), sum(values) / len(values), len(values))


def principle_figures(statements: Iterable[Figures]) -> Figures:
    scored = [figures for figures in statements if figures.count]
    if not scored:
        return Figures(None, None, 0)
    averages = [figures.average for figures in scored]
    middles = [figures.median for figures in scored]
    return Figures(_median(middles), sum(averages) / len(averages), sum(f.count for f in scored))
