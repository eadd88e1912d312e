"""PRIV-5: the answers are kept apart from who people are, and the totals never join them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from copro.people import equality
from copro.people.models.equality import EqualityAnswers, EqualityKey
from tests.people.test_equality_helpers import answered_people, load_oxfordshire, staff_member

PERSONAL = re.compile(r"name|email|phone|address|user|person|pronoun", re.IGNORECASE)


def test_priv5_the_answers_table_has_no_personal_columns_and_no_foreign_keys():
    fields = EqualityAnswers._meta.get_fields()
    assert [f.name for f in fields if f.is_relation] == []
    assert [f.name for f in fields if PERSONAL.search(f.name)] == []
    assert EqualityAnswers._meta.get_field("pseudonym").unique


def test_priv5_the_key_holds_only_the_person_and_the_pseudonym():
    names = sorted(f.name for f in EqualityKey._meta.get_fields())
    assert names == ["id", "pseudonym", "user"]
    assert EqualityKey._meta.get_field("pseudonym").unique


@pytest.mark.django_db
def test_priv5_the_database_columns_match():
    with connection.cursor() as cursor:
        columns = [
            c.name
            for c in connection.introspection.get_table_description(
                cursor, EqualityAnswers._meta.db_table
            )
        ]
        constraints = connection.introspection.get_constraints(
            cursor, EqualityAnswers._meta.db_table
        )
    assert [c for c in columns if PERSONAL.search(c)] == []
    assert not any(c.get("foreign_key") for c in constraints.values())


@pytest.mark.django_db
def test_priv5_the_totals_read_only_equality_tables_and_the_key_join():
    load_oxfordshire()
    answered_people(6, ethnic_group="white", takes_part_as="experience")
    viewer = staff_member()
    with CaptureQueriesContext(connection) as queries:
        equality.inclusion_table(viewer=viewer, people=equality.people_for_filter("experts"))
    answer_queries = [q["sql"] for q in queries if "people_equalityanswers" in q["sql"]]
    assert answer_queries
    for sql in answer_queries:
        tables = set(re.findall(r'(?:FROM|JOIN)\s+"?(\w+)"?', sql, re.IGNORECASE))
        assert tables <= {
            "people_equalityanswers",
            "people_equalitykey",
            "people_user",
            "people_profile",  # only for "experts by experience": a kind of membership
        }, sql
        selected = sql.split("FROM", 1)[0]
        assert not re.search(r"email|display_name|phone|postal_address", sql), sql
        assert "pseudonym" not in selected and "COUNT" in selected  # counts only
    assert len(answer_queries) == 1
