"""Reads of the guidance content: one query per list, and 404 for what does not exist."""

import pytest
from django.http import Http404

from copro.framework import selectors
from copro.framework.models import Statement


@pytest.mark.django_db
@pytest.mark.parametrize(
    "selector",
    [
        selectors.learn_pages,
        selectors.people_kinds,
        selectors.principles,
        selectors.staircase_steps,
        selectors.statements_by_kind,
        selectors.environment_values,
        selectors.values,
        selectors.skills,
        selectors.litmus_questions_by_area,
        selectors.tips,
        selectors.seven_steps,
        selectors.network_groups,
        selectors.training_levels,
        selectors.self_test_questions,
        selectors.glossary_terms,
    ],
)
def test_each_list_takes_one_query(django_assert_num_queries, selector):
    with django_assert_num_queries(1):
        result = selector()

    assert result


@pytest.mark.django_db
def test_learn_page_get_finds_a_page_by_slug():
    assert selectors.learn_page_get(slug="staircase").title == "The staircase of interaction"


@pytest.mark.django_db
def test_learn_page_get_raises_404_for_an_unknown_slug():
    with pytest.raises(Http404):
        selectors.learn_page_get(slug="no-such-page")


@pytest.mark.django_db
def test_learn_pages_come_in_reading_order():
    assert [page.slug for page in selectors.learn_pages()] == list(selectors.LEARN_PAGE_ORDER)


@pytest.mark.django_db
def test_learn_page_in_sequence_gives_the_neighbours(django_assert_num_queries):
    with django_assert_num_queries(3):  # learn pages, once for each call
        first = selectors.learn_page_in_sequence(slug="what-is-co-production")
        middle = selectors.learn_page_in_sequence(slug="staircase")
        last = selectors.learn_page_in_sequence(slug="about")

    assert (first.previous, first.next.slug) == (None, "principles")
    assert (middle.previous.slug, middle.page.slug, middle.next.slug) == (
        "principles",
        "staircase",
        "is-and-is-not",
    )
    assert (last.previous.slug, last.next) == ("glossary", None)


@pytest.mark.django_db
def test_learn_page_in_sequence_raises_404_for_an_unknown_slug():
    with pytest.raises(Http404):
        selectors.learn_page_in_sequence(slug="nope")


@pytest.mark.django_db
def test_statements_are_grouped_by_kind_in_order():
    grouped = selectors.statements_by_kind()

    assert set(grouped) == {Statement.Kind.IS, Statement.Kind.IS_NOT}
    for kind, statements in grouped.items():
        assert all(statement.kind == kind for statement in statements)
        orders = [statement.order for statement in statements]
        assert orders == sorted(orders)


@pytest.mark.django_db
def test_litmus_questions_are_grouped_by_area():
    grouped = selectors.litmus_questions_by_area()

    assert set(grouped) == {"values", "skills"}
    assert grouped["values"] and grouped["skills"]


@pytest.mark.django_db
@pytest.mark.parametrize(("order", "slug"), [(1, "coerce"), (4, "consult"), (7, "co-produce")])
def test_staircase_step_get_by_order_or_slug(order, slug):
    assert selectors.staircase_step_get(order=order).slug == slug
    assert selectors.staircase_step_get(slug=slug).order == order


@pytest.mark.django_db
def test_staircase_step_get_raises_404_for_step_8():
    with pytest.raises(Http404):
        selectors.staircase_step_get(order=8)


@pytest.mark.django_db
def test_glossary_terms_ignore_capitals_when_sorting():
    # The content has terms in capitals, such as "BSL" and "LGBT+".
    terms = [term.term for term in selectors.glossary_terms()]

    assert terms == sorted(terms, key=str.casefold)
