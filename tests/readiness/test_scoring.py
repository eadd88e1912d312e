"""The audit's arithmetic: a principle's figures always lie between its statements' figures,
and figures show with one decimal place, halves rounded up."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from copro.readiness import scoring

SCORES = st.lists(st.integers(min_value=1, max_value=5), min_size=0, max_size=12)


@given(st.lists(SCORES, min_size=1, max_size=6))
def test_a_principles_figures_lie_between_its_statements_figures(statement_scores):
    statements = [scoring.statement_figures(scores) for scores in statement_scores]
    principle = scoring.principle_figures(statements)
    scored = [s for s in statements if s.count]
    if not scored:
        assert principle.average is None and principle.median is None and principle.count == 0
        return
    averages = [s.average for s in scored]
    middles = [s.median for s in scored]
    assert min(averages) <= principle.average <= max(averages)
    assert min(middles) <= principle.median <= max(middles)
    assert principle.count == sum(len(scores) for scores in statement_scores)
    assert 1 <= principle.average <= 5 and 1 <= principle.median <= 5


@given(SCORES.filter(bool))
def test_a_statements_figures_are_its_median_and_mean(scores):
    figures = scoring.statement_figures(scores)
    assert figures.average == Fraction(sum(scores), len(scores))
    ordered = sorted(scores)
    below = sum(1 for s in ordered if s < figures.median)
    above = sum(1 for s in ordered if s > figures.median)
    assert below <= len(scores) / 2 and above <= len(scores) / 2
    assert min(scores) <= figures.median <= max(scores)


def test_one_decimal_rounds_halves_up_and_says_when_there_are_no_scores():
    assert scoring.one_decimal(Fraction(13, 4)) == "3.3"  # 3.25
    assert scoring.one_decimal(Fraction(8, 3)) == "2.7"
    assert scoring.one_decimal(Fraction(5)) == "5.0"
    assert scoring.one_decimal(None) == "No scores"
    assert scoring.statement_figures([]).average_text == "No scores"


def test_a_median_of_an_even_number_of_scores_is_halfway():
    assert scoring.statement_figures([2, 5]).median == Fraction(7, 2)
    assert scoring.statement_figures([1, 2, 4, 5]).median_text == "3.0"
