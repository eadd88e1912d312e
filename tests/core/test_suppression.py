"""Decision 3 and PRIV-6/PRIV-8 on the pure suppression functions.

The attacker knows the rules (this module) and sees everything a page, a CSV or a chart shows:
each row's figure, the total, each share, and each bar's value. For every hidden row, it tries
every exact table that would produce exactly what it saw. A hidden row is safe when more than one
exact count is still possible; here it must be the whole range 1 .. threshold - 1.
"""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copro.core import suppression
from copro.core.suppression import (
    Figure,
    ThresholdTooLow,
    check_threshold,
    share_of,
    suppress_count,
    suppress_table,
    total_from_shown,
)

LOOK_UP_TO = 70  # above every generated count (0-60) and its rounding


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (0, "0"),
        (1, "fewer than 5"),
        (4, "fewer than 5"),
        (5, "5"),
        (7, "5"),
        (8, "10"),
        (12, "10"),
        (13, "15"),
        (58, "60"),
        (60, "60"),
    ],
)
def test_decision3_counts_are_shown_as_the_rules_say(count, shown):
    assert suppress_count(count).display == shown


def test_decision3_a_true_zero_is_shown_and_charted_as_zero():
    assert suppress_count(0) == Figure(display="0", chart_value=0, hidden=False)


def test_decision3_a_hidden_count_has_no_chart_value():
    assert suppress_count(3) == Figure(display="fewer than 5", chart_value=None, hidden=True)


@pytest.mark.parametrize("threshold", [4, 0, -5, 1])
def test_priv6_a_threshold_below_5_is_refused_loudly(threshold):
    with pytest.raises(ThresholdTooLow, match="at least 5"):
        check_threshold(threshold)
    with pytest.raises(ThresholdTooLow):
        suppress_count(10, threshold=threshold)


@pytest.mark.parametrize("threshold", ["5", 5.0, None, True])
def test_priv6_a_threshold_that_is_not_a_whole_number_is_refused(threshold):
    with pytest.raises(ThresholdTooLow):
        check_threshold(threshold)


def test_a_higher_threshold_never_shows_a_figure_inside_the_hidden_range():
    # With a threshold of 7, a count of 7 would round to 5, which could only mean 7.
    assert suppress_count(6, threshold=7).display == "fewer than 7"
    assert suppress_count(7, threshold=7).display == "10"
    assert suppress_count(13, threshold=7).display == "15"


def test_shares_use_the_shown_figures_not_the_exact_ones():
    table = suppress_table([("a", 12), ("b", 13)])  # shown as 10 and 15; total 25
    assert table.total.display == "25"
    assert [row.share.display for row in table.rows] == ["40%", "60%"]


def test_a_share_is_hidden_wherever_its_count_is():
    table = suppress_table([("a", 30), ("b", 3), ("c", 0)])
    # The total shown is 35 (30 plus 2.5 for the hidden row, rounded to 5), not the exact 33,
    # so the share shown for "a" is 30/35 = 86%, not 30/33 = 91%, which would reveal "b".
    assert [row.share.display for row in table.rows] == ["86%", "not shown", "0%"]
    assert table.rows[1].share.hidden and table.rows[1].share.chart_value is None


def test_the_total_is_made_from_the_shown_figures():
    # 30 shown, one hidden counted as 2.5: 32.5 rounds to 35. The exact total, 33, is not used.
    assert total_from_shown([suppress_count(30), suppress_count(3)]).display == "35"


def test_a_total_of_hidden_rows_only_is_hidden_too():
    total = total_from_shown([suppress_count(4), suppress_count(0), suppress_count(2)])
    assert total.hidden and total.display == "fewer than 10"
    assert all(row.share.hidden for row in suppress_table([("a", 4), ("b", 0)]).rows)


def test_everything_zero_is_shown_as_zero():
    table = suppress_table([("a", 0), ("b", 0)])
    assert table.total.display == "0"
    assert [row.share.display for row in table.rows] == ["not shown", "not shown"]


# --- PRIV-6: the attacker --------------------------------------------------------------------


def everything_shown(table: suppression.Table) -> tuple:
    """All a reader can see: the HTML table, the CSV and the chart carry these and no more."""
    return (
        table.total.display,
        table.total.chart_value,
        tuple(
            (
                row.count.display,
                row.count.chart_value,
                row.share.display,
                row.share.chart_value,
            )
            for row in table.rows
        ),
    )


def candidates(figure: Figure, threshold: int) -> list[int]:
    return [c for c in range(LOOK_UP_TO) if suppress_count(c, threshold=threshold) == figure]


def possible_exact_tables(shown: suppression.Table, labels: list[str], threshold: int):
    """Brute force: every exact table that shows exactly what was seen."""
    seen = everything_shown(shown)
    per_row = [candidates(row.count, threshold) for row in shown.rows]
    for exact in itertools.product(*per_row):
        table = suppress_table(list(zip(labels, exact, strict=True)), threshold=threshold)
        if everything_shown(table) == seen:
            yield exact


tables = st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=4)
# Small counts are where the danger is, so draw them often.
small_heavy_tables = st.lists(
    st.one_of(st.integers(0, 9), st.integers(0, 60)), min_size=1, max_size=5
)


@given(counts=st.one_of(tables, small_heavy_tables), threshold=st.sampled_from([5, 5, 6, 10]))
def test_priv6_no_hidden_cell_can_be_worked_out(counts, threshold):
    labels = [f"group {i}" for i in range(len(counts))]
    shown = suppress_table(list(zip(labels, counts, strict=True)), threshold=threshold)
    hidden = [i for i, row in enumerate(shown.rows) if row.count.hidden]
    possible = {i: set() for i in hidden}
    for exact in possible_exact_tables(shown, labels, threshold):
        for i in hidden:
            possible[i].add(exact[i])
    for i in hidden:
        assert counts[i] in possible[i]
        assert len(possible[i]) >= 2
        assert possible[i] == set(range(1, threshold))  # the whole hidden range, not just 2


@given(counts=st.lists(st.integers(0, 60), min_size=1, max_size=8), threshold=st.integers(5, 12))
def test_priv6_every_figure_follows_decision3(counts, threshold):
    table = suppress_table([(str(i), c) for i, c in enumerate(counts)], threshold=threshold)
    for count, row in zip(counts, table.rows, strict=True):
        if count == 0:
            assert row.count.display == "0"
        elif count < threshold:
            assert row.count.display == f"fewer than {threshold}" and row.share.hidden
        else:
            shown = row.count.chart_value
            assert shown % 5 == 0 and shown >= threshold - 2
            if count >= -(-threshold // 5) * 5:
                assert abs(shown - count) <= 2  # rounded to the nearest 5
        if row.share.hidden is False:
            # A share comes from shown figures: it is the same for every table showing the same.
            expected = round(100 * row.count.chart_value / table.total.chart_value)
            assert abs(row.share.chart_value - expected) <= 1


@given(counts=st.lists(st.integers(0, 60), min_size=1, max_size=8))
def test_priv8_chart_values_equal_the_displayed_values(counts):
    table = suppress_table([(str(i), c) for i, c in enumerate(counts)])
    for row in table.rows:
        if row.count.hidden:
            assert row.count.chart_value is None
            assert row.count.display == "fewer than 5"
        else:
            assert str(row.count.chart_value) == row.count.display
        if not row.share.hidden:
            assert f"{row.share.chart_value}%" == row.share.display


def test_share_of_a_hidden_total_is_hidden():
    total = Figure(display="fewer than 5", chart_value=None, hidden=True)
    assert share_of(suppress_count(0), total).hidden
