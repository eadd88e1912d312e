"""Ids from paths, queries and forms checked against what the database can hold, so an id that
is negative, zero or too big (26 digits) answers "not found" or a form error, never a 500.

Django already answers "no rows" for an out-of-range exact lookup on a primary key, but not
everywhere (a foreign key column, a raw value, a value stored on a row), so code that takes an
id from a person checks it here first.
"""

from collections.abc import Iterable

# The largest id any of our databases stores: a signed 64-bit integer (PostgreSQL bigint,
# SQLite INTEGER). Nothing we make is smaller than 1.
MAX_ID = 2**63 - 1
MAX_IDS = 1000  # ids in one form or API body: more than any page shows


def id_in_range(value: object) -> bool:
    return type(value) is int and 1 <= value <= MAX_ID


def parse_ids(values: Iterable[object], *, limit: int = MAX_IDS) -> list[int]:
    """Ids from form values ("12"), or ValueError if any is not a whole number in range, or
    there are more than `limit`."""
    ids = []
    for value in values:
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or len(text) > 19:
            raise ValueError(value)
        number = int(text)
        if not id_in_range(number):
            raise ValueError(value)
        ids.append(number)
        if len(ids) > limit:
            raise ValueError("too many")
    return ids


def has_nul(text: str) -> bool:
    return "\x00" in text
