"""Periods a report covers: calendar quarters, a run of quarters, or a month.

Counts of people (training completions, quiz results) are always counted by whole calendar
quarter, whatever period is chosen, and each quarter's figure is suppressed on its own. A
period only chooses which quarters are shown. So two periods never give two different sums of
the same people to subtract from each other (PRIV-7).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

QUARTER_MONTHS = ("January to March", "April to June", "July to September", "October to December")
RECENT_QUARTERS = 8
DEFAULT_PERIOD = ""


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1 to 4

    @classmethod
    def of(cls, day: datetime.date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def key(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def label(self) -> str:
        return f"{QUARTER_MONTHS[self.number - 1]} {self.year}"

    @property
    def short(self) -> str:
        return f"Q{self.number} {self.year}"

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> datetime.date:
        """The day after the quarter's last day."""
        return self.next().start

    def next(self) -> "Quarter":
        if self.number == 4:
            return Quarter(self.year + 1, 1)
        return Quarter(self.year, self.number + 1)

    def previous(self) -> "Quarter":
        if self.number == 1:
            return Quarter(self.year - 1, 4)
        return Quarter(self.year, self.number - 1)


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    start: datetime.date
    end: datetime.date  # the day after the last day
    quarters: tuple[Quarter, ...]  # every quarter the period touches, oldest first

    @property
    def last_day(self) -> datetime.date:
        return self.end - datetime.timedelta(days=1)

    @property
    def covers(self) -> str:
        return f"{self.start:%-d %B %Y} to {self.last_day:%-d %B %Y}"

    def start_at(self) -> datetime.datetime:
        return aware(self.start)

    def end_at(self) -> datetime.datetime:
        return aware(self.end)


def aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def recent_quarters(today: datetime.date | None = None, count: int = RECENT_QUARTERS):
    """The last `count` quarters, oldest first, ending with the one `today` is in."""
    quarter = Quarter.of(today or timezone.localdate())
    quarters = [quarter]
    for _ in range(count - 1):
        quarters.append(quarters[-1].previous())
    return tuple(reversed(quarters))


def quarters_between(start: datetime.date, end: datetime.date) -> tuple[Quarter, ...]:
    quarters = [Quarter.of(start)]
    while quarters[-1].end < end:
        quarters.append(quarters[-1].next())
    return tuple(quarters)


def default_period(today: datetime.date | None = None) -> Period:
    quarters = recent_quarters(today)
    return Period(
        key=DEFAULT_PERIOD,
        label=f"the last {len(quarters)} quarters",
        start=quarters[0].start,
        end=quarters[-1].end,
        quarters=quarters,
    )


def quarter_period(quarter: Quarter) -> Period:
    return Period(quarter.key, quarter.label, quarter.start, quarter.end, (quarter,))


def month_period(first_day: datetime.date) -> Period:
    first_day = first_day.replace(day=1)
    end = (first_day + datetime.timedelta(days=32)).replace(day=1)
    return Period(
        key=f"{first_day:%Y-%m}",
        label=f"{first_day:%B %Y}",
        start=first_day,
        end=end,
        quarters=quarters_between(first_day, end),
    )


def period_choices(today: datetime.date | None = None) -> list[tuple[str, str]]:
    quarters = recent_quarters(today)
    choices = [(DEFAULT_PERIOD, f"The last {len(quarters)} quarters")]
    choices += [(q.key, q.label) for q in reversed(quarters)]
    return choices


def period_from_key(key: str, today: datetime.date | None = None) -> Period:
    """A key from period_choices (checked by the form first); anything else is the default."""
    for quarter in recent_quarters(today):
        if quarter.key == key:
            return quarter_period(quarter)
    return default_period(today)
