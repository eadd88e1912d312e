"""LED-13: money is whole pence everywhere, tax-year totals are right at the 5 and 6 April
boundary, and the finance CSV adds up to what the pages show.

(tests/reciprocity/test_view_flow.py checks the CSV total against the page for one claim of
£45.00 with hostile names; here the same comparison runs over many amounts and tax years.)"""

import csv
import datetime
import io
import re
from pathlib import Path

from django.apps import apps
from django.db import models
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

import copro.reciprocity
from copro.reciprocity import services
from copro.reciprocity.models import PaymentClaim
from copro.reciprocity.money import MAX_PENCE, parse_pounds, pounds, pounds_plain, tax_year_of
from copro.reciprocity.selectors import tax_year_totals
from tests.people.factories import UserFactory
from tests.reciprocity.conftest import sign_in

SOURCE = Path(copro.reciprocity.__file__).parent
FLOATY = re.compile(r"\bfloat\(|FloatField|DecimalField|floatformat")


def test_led13_no_float_on_any_money_path():
    """A static check over the whole app, templates included: no float conversions, no float or
    decimal columns, no `floatformat` filter."""
    found = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
        for path in sorted(SOURCE.rglob("*"))
        if path.suffix in (".py", ".html", ".txt")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FLOATY.search(line)
    ]
    assert found == []


def test_led13_every_money_and_credit_column_is_a_whole_number():
    names = re.compile(r"pence|credits|balance|amount")
    columns = [
        (model.__name__, field)
        for model in apps.get_app_config("reciprocity").get_models()
        for field in model._meta.concrete_fields
        if names.search(field.name)
    ]
    assert len(columns) >= 5  # the check is looking at something
    for model, field in columns:
        assert isinstance(field, models.IntegerField), f"{model}.{field.name} is {field}"


@given(st.integers(min_value=0, max_value=MAX_PENCE))
def test_led13_pounds_and_pence_round_trip_exactly(pence):
    assert parse_pounds(pounds(pence)) == pence
    assert parse_pounds(pounds_plain(pence)) == pence
    whole, part = pounds_plain(pence).split(".")
    assert int(whole) * 100 + int(part) == pence and len(part) == 2


def test_led13_the_tax_year_turns_between_5_and_6_april():
    assert tax_year_of(datetime.date(2025, 4, 5)) == 2024
    assert tax_year_of(datetime.date(2025, 4, 6)) == 2025
    assert tax_year_of(datetime.date(2025, 1, 1)) == 2024
    assert tax_year_of(datetime.date(2024, 12, 31)) == 2024


def expected_year(day: datetime.date) -> int:
    """Written out apart from the code under test: 6 April starts the year."""
    return day.year if (day.month, day.day) >= (4, 6) else day.year - 1


near_the_boundary = st.builds(
    datetime.date,
    st.integers(2020, 2030),
    st.just(4),
    st.integers(3, 8),
)
any_day = st.dates(datetime.date(2020, 1, 1), datetime.date(2030, 12, 31))
a_claim = st.tuples(
    st.integers(1, MAX_PENCE),
    st.one_of(near_the_boundary, any_day),
    st.sampled_from(["paid", "paid", "approved", "rejected"]),
)


@given(st.lists(a_claim, max_size=20))
def test_led13_tax_year_totals_are_exact_whole_pence(claims):
    made = [
        PaymentClaim(amount_pence=amount, paid_on=day if status == "paid" else None, status=status)
        for amount, day, status in claims
    ]
    expected: dict[int, int] = {}
    for amount, day, status in claims:
        if status == "paid":
            expected[expected_year(day)] = expected.get(expected_year(day), 0) + amount
    totals = tax_year_totals(claims=made)
    assert {year.start_year: year.total_pence for year in totals} == expected
    assert [year.start_year for year in totals] == sorted(expected, reverse=True)
    for year in totals:
        assert type(year.total_pence) is int
        assert year.label == f"6 April {year.start_year} to 5 April {year.start_year + 1}"


BOUNDARY_DAYS = [datetime.date(2024, 4, 5), datetime.date(2024, 4, 6), datetime.date(2025, 4, 5)]


class TestLed13WhatIsShownAddsUp(TestCase):
    """The CSV sent to finance, the export page and the person's own tax-year totals agree to
    the penny, whatever the amounts and on whichever side of 6 April they were paid."""

    @given(
        paid=st.lists(
            st.tuples(st.integers(1, MAX_PENCE), st.sampled_from(BOUNDARY_DAYS)),
            min_size=1,
            max_size=4,
        )
    )
    def test_led13_the_csv_total_equals_the_totals_on_screen(self, paid):
        citizen = UserFactory(display_name="Carla")
        staff = UserFactory(role="staff")
        admin = UserFactory(role="administrator")
        claims = []
        for amount, _ in paid:
            claim = services.claim_create(
                claimant=citizen,
                amount_pence=amount,
                description="Design day",
                activity_on=datetime.date(2024, 4, 1),
                by=staff,
            )
            services.claim_submit(claim=claim, by=staff)
            claims.append(services.claim_approve(claim=claim, by=admin))
        batch = services.claims_export(by=admin)
        for claim, (_, day) in zip(claims, paid, strict=True):
            services.claim_mark_paid(claim=claim, paid_on=day, by=admin)

        total = sum(amount for amount, _ in paid)
        rows = list(csv.DictReader(io.StringIO(batch.csv_text, newline="")))
        assert sum(int(row["Amount in pence"]) for row in rows) == total == batch.total_pence
        assert sum(parse_pounds(row["Amount in pounds"]) for row in rows) == total

        sign_in(self.client, admin)
        page = self.client.get(f"/thanks/staff/exports/{batch.pk}/").content.decode()
        assert f"{pounds(total)} in total" in page

        sign_in(self.client, citizen)
        page = self.client.get("/thanks/").content.decode()
        by_year: dict[int, int] = {}
        for amount, day in paid:
            by_year[expected_year(day)] = by_year.get(expected_year(day), 0) + amount
        for year, pence in by_year.items():
            shown = re.search(
                rf"6 April {year} to 5 April {year + 1}</dt>\s*"
                r'<dd class="govuk-summary-list__value">([^<]*)',
                page,
            )
            assert shown is not None, year
            assert shown.group(1).strip() == pounds(pence)
        assert page.count('govuk-summary-list__key">6 April') == len(by_year)
