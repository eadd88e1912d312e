"""Enough time on the agenda, and breaks in long meetings (the guidance's "Access" principle)."""

from dataclasses import dataclass

BREAK_AFTER_MINUTES = 90  # meetings longer than this get a suggested break
BREAK_EVERY_MINUTES = 60  # roughly how often to stop in a long meeting
BREAK_LENGTH_MINUTES = 10


@dataclass(frozen=True)
class AgendaCheck:
    total: int
    duration: int
    over_by: int
    break_needed: bool
    break_planned: bool
    break_advice: str

    @property
    def too_long(self) -> bool:
        return self.over_by > 0


def check_agenda(items, duration: int) -> AgendaCheck:
    """`items` have `.title` and `.minutes`, in order."""
    items = list(items)
    total = sum(item.minutes for item in items)
    planned = any("break" in item.title.lower() for item in items)
    needed = duration > BREAK_AFTER_MINUTES
    advice = ""
    if needed and not planned:
        advice = (
            f"This meeting is longer than {BREAK_AFTER_MINUTES} minutes. Plan a break of at "
            f"least {BREAK_LENGTH_MINUTES} minutes about every hour"
        )
        after = _break_point(items)
        advice += f", for example after \u201c{after}\u201d." if after else "."
    return AgendaCheck(
        total=total,
        duration=duration,
        over_by=max(0, total - duration),
        break_needed=needed,
        break_planned=planned,
        break_advice=advice,
    )


def _break_point(items) -> str:
    """The item that ends nearest to an hour in."""
    best, best_gap, elapsed = "", None, 0
    for item in items[:-1]:
        elapsed += item.minutes
        gap = abs(elapsed - BREAK_EVERY_MINUTES)
        if best_gap is None or gap < best_gap:
            best, best_gap = item.title, gap
    return best
