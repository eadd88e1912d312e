"""Money and dates as the council counts them. Whole pence only: never a float (LED-13)."""

import re
from datetime import date

MAX_PENCE = 10_000_000  # £100,000: far above any real claim, a guard against typing slips


def pounds(pence: int) -> str:
    """1250 -> "£12.50"; 100000 -> "£1,000.00". Integer arithmetic only."""
    if type(pence) is not int:
        raise TypeError("money is a whole number of pence")
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{part:02d}"


def pounds_plain(pence: int) -> str:
    """For finance files: 1250 -> "12.50" (no symbol, no thousands separator)."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}{whole}.{part:02d}"


def parse_pounds(text: str) -> int:
    """ "12.5", "£12.50", "1,000" or "12" -> pence. Raises ValueError for anything else."""
    cleaned = (text or "").strip().replace(",", "").removeprefix("£").strip()
    match = re.fullmatch(r"(\d{1,9})(?:\.(\d{1,2}))?", cleaned)
    if match is None:
        raise ValueError(text)
    whole, part = match.group(1), match.group(2) or "0"
    return int(whole) * 100 + int(part.ljust(2, "0"))


def tax_year_of(day: date) -> int:
    """The UK tax year runs from 6 April to 5 April; it is named by the year it starts."""
    return day.year if day >= date(day.year, 4, 6) else day.year - 1


def tax_year_label(start_year: int) -> str:
    return f"6 April {start_year} to 5 April {start_year + 1}"


def round_share(numerator: int, denominator: int) -> int | None:
    """A whole percentage, rounded half up, without floats."""
    if denominator == 0:
        return None
    return (200 * numerator + denominator) // (2 * denominator)
