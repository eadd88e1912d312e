"""Fair scheduling: times most people can come, on weekdays and at times of day that take turns.

Pure Python over plain data (no database), so the rules can be tested on their own:

    suggest_slots(invitees=[Person(...)], start=date, end=date, duration=90,
                  past_meetings=[datetime, ...])

Rules, in order:
1. Availability. Each candidate slot (a day in the range and a part of the day) scores the
   people who can come: their weekly grid has that weekday and part of the day, and the date is
   not one they said they cannot come. An expert by experience counts EXPERIENCE_WEIGHT, anyone
   else STAFF_WEIGHT: citizens' lives are harder to rearrange than working hours, so they weigh
   at least as much as staff, never less.
2. Rotation. Among slots that score the same, the weekday and part of the day used least in the
   last RECENT_MEETINGS meetings comes first, then the part of the day used least, then the
   earliest date. So meetings move around the week instead of settling in one habit.
England and Wales bank holidays are skipped (govuk-bank-holidays, offline data).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

EXPERIENCE_WEIGHT = 2
STAFF_WEIGHT = 1
RECENT_MEETINGS = 8
CONCENTRATION_SHARE = 0.6  # warn when more than this share of recent meetings share a band
CONCENTRATION_MIN_MEETINGS = 3  # too few meetings to call it a habit
MAX_RANGE_DAYS = 92
DEFAULT_LIMIT = 10

PARTS = ("morning", "afternoon", "evening")
PART_NAMES = {"morning": "morning", "afternoon": "afternoon", "evening": "evening"}
# When a meeting in each part of the day starts.
PART_STARTS = {"morning": time(10, 0), "afternoon": time(14, 0), "evening": time(18, 30)}
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Person:
    name: str
    expert_by_experience: bool
    available: frozenset[tuple[int, str]]  # (weekday 0-6, part of day)
    unavailable_dates: frozenset[date] = frozenset()

    @property
    def weight(self) -> int:
        return EXPERIENCE_WEIGHT if self.expert_by_experience else STAFF_WEIGHT

    def can_come(self, day: date, part: str) -> bool:
        return (day.weekday(), part) in self.available and day not in self.unavailable_dates


@dataclass(frozen=True)
class Suggestion:
    starts_at: datetime
    weekday: int
    part_of_day: str
    score: int
    available: tuple[str, ...]
    invitee_count: int
    experience_available: int
    experience_count: int
    recent_uses: int
    recent_meetings: int
    explanation: str

    @property
    def available_count(self) -> int:
        return len(self.available)


def part_of(moment: datetime, tz: ZoneInfo = LONDON) -> str:
    hour = moment.astimezone(tz).hour if moment.tzinfo else moment.hour
    return "morning" if hour < 12 else "afternoon" if hour < 17 else "evening"


def band_of(moment: datetime, tz: ZoneInfo = LONDON) -> tuple[int, str]:
    local = moment.astimezone(tz) if moment.tzinfo else moment
    return local.weekday(), part_of(moment, tz)


@lru_cache(maxsize=1)
def bank_holidays() -> frozenset[date]:
    from govuk_bank_holidays.bank_holidays import BankHolidays

    # The package's own copy of the GOV.UK data: no network call.
    holidays = BankHolidays(use_cached_holidays=True)
    return frozenset(h["date"] for h in holidays.get_holidays(BankHolidays.ENGLAND_AND_WALES))


def recent(past_meetings: Iterable[datetime], count: int = RECENT_MEETINGS) -> list[datetime]:
    return sorted(past_meetings)[-count:]


def suggest_slots(
    *,
    invitees: Iterable[Person],
    start: date,
    end: date,
    duration: int,
    past_meetings: Iterable[datetime],
    limit: int = DEFAULT_LIMIT,
    tz: ZoneInfo = LONDON,
    holidays: frozenset[date] | None = None,
) -> list[Suggestion]:
    """The best `limit` slots from `start` to `end` (dates, inclusive), best first."""
    people = list(invitees)
    holidays = bank_holidays() if holidays is None else holidays
    last = recent(past_meetings)
    cells = Counter(band_of(m, tz) for m in last)
    parts = Counter(part_of(m, tz) for m in last)
    slots = []
    for day in _days(start, end):
        if day in holidays:
            continue
        for part in PARTS:
            starts_at = datetime.combine(day, PART_STARTS[part], tzinfo=tz)
            if not _fits_in_the_day(starts_at, duration, tz):
                continue
            coming = [p for p in people if p.can_come(day, part)]
            score = sum(p.weight for p in coming)
            key = (-score, cells[(day.weekday(), part)], parts[part], starts_at)
            slots.append((key, starts_at, part, coming))
    slots.sort(key=lambda slot: slot[0])
    return [
        _suggestion(starts_at, part, coming, people, cells, len(last), tz)
        for _key, starts_at, part, coming in slots[: max(limit, 0)]
    ]


def _days(start: date, end: date):
    last = min(end, start + timedelta(days=MAX_RANGE_DAYS))
    day = start
    while day <= last:
        yield day
        day += timedelta(days=1)


def _fits_in_the_day(starts_at: datetime, duration: int, tz: ZoneInfo) -> bool:
    """A slot must end the same day: nobody is asked to a meeting that runs past midnight."""
    ends_at = (starts_at.astimezone(UTC) + timedelta(minutes=duration)).astimezone(tz)
    return duration > 0 and ends_at.date() == starts_at.date()


def _suggestion(starts_at, part, coming, people, cells, recent_count, tz) -> Suggestion:
    experts = [p for p in people if p.expert_by_experience]
    experts_coming = [p for p in coming if p.expert_by_experience]
    uses = cells[(starts_at.weekday(), part)]
    return Suggestion(
        starts_at=starts_at,
        weekday=starts_at.weekday(),
        part_of_day=part,
        score=sum(p.weight for p in coming),
        available=tuple(p.name for p in coming),
        invitee_count=len(people),
        experience_available=len(experts_coming),
        experience_count=len(experts),
        recent_uses=uses,
        recent_meetings=recent_count,
        explanation=explain(
            starts_at=starts_at,
            part=part,
            coming=len(coming),
            total=len(people),
            experts_coming=len(experts_coming),
            experts=len(experts),
            uses=uses,
            recent_count=recent_count,
        ),
    )


def explain(*, starts_at, part, coming, total, experts_coming, experts, uses, recent_count) -> str:
    """One plain sentence for each suggestion."""
    if total == 0:
        who = "Nobody is in the project yet"
    else:
        who = f"{coming} of the {total} {'person' if total == 1 else 'people'} invited can come"
    if experts == 1:
        who += (
            ", including the expert by experience"
            if experts_coming
            else (", but not the expert by experience")
        )
    elif experts and experts_coming == experts:
        who += f", including all {experts} experts by experience"
    elif experts:
        who += f", including {experts_coming} of the {experts} experts by experience"
    return f"{who}; {_turn(starts_at, part, uses, recent_count)}."


def _turn(starts_at, part, uses, recent_count) -> str:
    when = f"{DAY_NAMES[starts_at.weekday()]} {PART_NAMES[part]}"
    if recent_count == 0:
        return "there are no earlier meetings to take turns with"
    if uses == 0:
        return f"none of the last {recent_count} meetings was on a {when}"
    verb = "was" if uses == 1 else "were"
    return f"{uses} of the last {recent_count} meetings {verb} on a {when}"


# --- Spread of past meetings -------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    grid: dict[tuple[int, str], int]  # every (weekday, part) with its count of meetings
    total: int
    recent: int
    warnings: tuple[str, ...]

    def rows(self) -> list[tuple[str, list[int]]]:
        return [(DAY_NAMES[d], [self.grid[(d, p)] for p in PARTS]) for d in range(7)]


def spread(starts: Iterable[datetime], tz: ZoneInfo = LONDON) -> Spread:
    """How meetings spread over the week, and a warning when the last few keep to one band."""
    starts = list(starts)
    grid = {(d, p): 0 for d in range(7) for p in PARTS}
    for moment in starts:
        grid[band_of(moment, tz)] += 1
    last = recent(starts)
    return Spread(grid=grid, total=len(starts), recent=len(last), warnings=_warnings(last, tz))


def _warnings(last: list[datetime], tz: ZoneInfo) -> tuple[str, ...]:
    if len(last) < CONCENTRATION_MIN_MEETINGS:
        return ()
    warnings = []
    cell, cell_count = Counter(band_of(m, tz) for m in last).most_common(1)[0]
    if cell_count > CONCENTRATION_SHARE * len(last):
        when = f"{DAY_NAMES[cell[0]]} {PART_NAMES[cell[1]]}s"
        warnings.append(
            f"{cell_count} of the last {len(last)} meetings were on {when}. People who cannot "
            "come then are being left out: try other days and times."
        )
    part, part_count = Counter(part_of(m, tz) for m in last).most_common(1)[0]
    if part_count > CONCENTRATION_SHARE * len(last) and part_count != cell_count:
        warnings.append(
            f"{part_count} of the last {len(last)} meetings were in the {PART_NAMES[part]}. "
            "Hold some at other times of day."
        )
    return tuple(warnings)
