"""Counts of people in the dashboard, its CSV and the open data (PRIV-6, PRIV-7, PRIV-8).

The attacker sees everything the product will show: every period the filter allows, as HTML
table, SVG chart and CSV. For each hidden cell we change its true value across the whole hidden
range (1 to threshold - 1) and check that nothing shown changes at all: so the cell still has
every value in that range possible, from any combination of views, totals or bar lengths.
"""

import csv
import io
import re
from dataclasses import replace

from django.template.loader import render_to_string
from hypothesis import given
from hypothesis import strategies as st

from copro.reports.dashboard import people_figures, people_table
from copro.reports.exports import csv_text
from copro.reports.periods import Quarter, recent_quarters

QUARTERS = recent_quarters(Quarter(2026, 4).start, 4)
COLUMNS = (("a", "Level 1"), ("b", "Level 2"), ("c", "Level 3"))
CELLS = [(q, key) for q in QUARTERS for key, _label in COLUMNS]


def _everything_shown(counts, threshold):
    """Every view the period filter allows (all quarters, then each quarter on its own), as
    HTML (table and chart) and CSV."""
    views = [QUARTERS] + [(q,) for q in QUARTERS]
    shown = []
    for quarters in views:
        table = people_table(
            slug="t",
            title="T",
            description="D",
            quarters=quarters,
            columns=COLUMNS,
            counts=counts,
            threshold=threshold,
        )
        shown.append(
            render_to_string("reports/includes/people_table.html", {"table": table, "caption": "c"})
        )
        shown.append(csv_text(people_figures("Training", table)))
    return shown


counts_strategy = st.lists(st.integers(0, 60), min_size=len(CELLS), max_size=len(CELLS))


@given(values=counts_strategy, threshold=st.sampled_from([5, 7, 10]))
def test_priv6_priv7_no_hidden_cell_is_narrowed_by_any_view(values, threshold):
    counts = dict(zip(CELLS, values, strict=True))
    hidden = [cell for cell, n in counts.items() if 0 < n < threshold]
    baseline = _everything_shown(counts, threshold)
    for cell in hidden:
        for other in range(1, threshold):
            changed = _everything_shown({**counts, cell: other}, threshold)
            assert changed == baseline, f"{cell} = {other} would show differently"


@given(values=counts_strategy)
def test_priv6_shown_figures_follow_the_rules(values):
    counts = dict(zip(CELLS, values, strict=True))
    table = people_table(
        slug="t",
        title="T",
        description="D",
        quarters=QUARTERS,
        columns=COLUMNS,
        counts=counts,
        threshold=5,
    )
    for row in table.rows:
        for (key, _label), cell in zip(COLUMNS, row.cells, strict=True):
            n = counts[(row.quarter, key)]
            if n == 0:
                assert cell.display == "0"
            elif n < 5:
                assert cell.display == "fewer than 5" and cell.chart_value is None
            else:
                assert cell.chart_value % 5 == 0 and abs(cell.chart_value - n) <= 2
                assert cell.chart_value >= 5


@given(values=counts_strategy)
def test_priv8_bars_equal_the_table_and_hidden_bars_are_markers(values):
    counts = dict(zip(CELLS, values, strict=True))
    table = people_table(
        slug="t",
        title="T",
        description="D",
        quarters=QUARTERS,
        columns=COLUMNS,
        counts=counts,
        threshold=5,
    )
    html = render_to_string("reports/includes/people_table.html", {"table": table, "caption": "c"})
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    rects = re.findall(r'<rect class="app-chart__bar[^>]*>', svg)
    totals = re.findall(r"<td [^>]*data-total=[^>]*>[^<]*</td>", html)
    assert len(rects) == len(totals) == len(QUARTERS)
    for rect, total in zip(rects, totals, strict=True):
        if 'data-hidden="true"' in total:
            assert 'data-hidden="true"' in rect and 'width="14"' in rect
            assert "fewer than" in total
        else:
            value = re.search(r'data-value="(\d+)"', total).group(1)
            assert f'data-value="{value}"' in rect


def test_priv6_csv_has_the_same_words_as_the_page():
    counts = {(QUARTERS[0], "a"): 3, (QUARTERS[0], "b"): 12}
    table = people_table(
        slug="t",
        title="T",
        description="D",
        quarters=QUARTERS[:1],
        columns=COLUMNS,
        counts=counts,
        threshold=5,
    )
    rows = list(csv.reader(io.StringIO(csv_text(people_figures("Training", table)))))
    values = [row[2] for row in rows]
    assert values == ["fewer than 5", "10", "0", "15"]
    assert replace(table.rows[0].total).display == "15"
