"""Issue 17: one way of writing times on every page ("10am", "2:30pm"), from one filter in core."""

import datetime
import pathlib
import re

import pytest

from copro.core.times import govuk_date_time, govuk_time


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime.time(10, 0), "10am"),
        (datetime.time(14, 30), "2:30pm"),
        (datetime.time(12, 0), "midday"),
        (datetime.time(0, 0), "midnight"),
        (datetime.time(0, 15), "12:15am"),
        (datetime.datetime(2026, 12, 7, 9, 5), "9:05am"),
        (None, ""),
    ],
)
def test_times_are_written_the_govuk_way(moment, shown):
    assert govuk_time(moment) == shown


def test_a_date_and_time_together():
    assert govuk_date_time(datetime.datetime(2026, 12, 7, 10, 0)) == "7 December 2026, 10am"


def test_no_template_writes_times_its_own_way():
    """Django's "g:i a" gives "10:00 a.m.": every template goes through govuk_time instead."""
    own_way = re.compile(r"""\|(time|date):"[^"]*\b[gGhH]\b[^"]*\"""")
    offenders = [
        str(path)
        for path in pathlib.Path("copro").rglob("templates/**/*")
        if path.is_file() and own_way.search(path.read_text())
    ]
    assert offenders == []
