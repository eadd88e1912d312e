"""The project report's figures: suppression (PRIV-6), PDF text (pypdf), CSV safety (IO-5),
PDF fetching nothing (IO-6), the chart agreeing with its table (PRIV-8) and a query count that
does not grow with the project."""

import csv
import io
import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from copro.projects.evidence.placement import placement_refresh
from copro.projects.models import Membership
from copro.reports import exports
from copro.reports.project_report import project_report
from tests.projects.factories import (
    ContributionFactory,
    DecisionFactory,
    MembershipFactory,
    PositionFactory,
    project_with_history,
)
from tests.reports.conftest import STAGES, sign_in

pytestmark = pytest.mark.django_db


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def test_priv6_small_counts_of_people_hidden_in_page_and_csv(client, cast):
    """The private project has 3 experts by experience and 1 lead: both hidden, and the total
    (worked out from what is shown) cannot give either back."""
    sign_in(client, cast.member)
    page = client.get(reverse("reports:project", args=[cast.private.pk])).content.decode()
    table = re.search(r'data-table="taking-part".*?</table>', page, re.S).group(0)
    assert "fewer than 5" in table
    cells = re.findall(r'<td class="govuk-table__cell">([^<]*)</td>', table)
    assert set(cells) <= {"0", "fewer than 5", "fewer than 10", "5", "10"}
    assert ">3<" not in table and ">4<" not in table and ">1<" not in table
    rows = _csv_rows(client.get(reverse("reports:project_csv", args=[cast.private.pk])))
    members = {r[1]: r[2] for r in rows if r and r[0] == "Who took part: Members now"}
    assert members == {
        "Experts by experience": "fewer than 5",
        "Experts by qualification": "fewer than 5",
        "Total": "fewer than 10",
    }


def test_priv6_signals_that_count_people_show_no_numbers(client, cast):
    sign_in(client, cast.member)
    page = client.get(reverse("reports:project", args=[cast.private.pk])).content.decode()
    # The evidence page says e.g. "3 experts by experience"; the report does not.
    assert "experts by experience were members" not in page
    assert "Counts people, so only the result is shown here" in page


def test_priv6_rounded_counts_for_larger_groups(client, cast):
    sign_in(client, cast.outsider)
    rows = _csv_rows(client.get(reverse("reports:project_csv", args=[cast.published.pk])))
    members = {r[1]: r[2] for r in rows if r and r[0] == "Who took part: Members now"}
    # 6 experts by experience round to 5; 1 lead is hidden; the total is 5 + 2.5, rounded.
    assert members == {
        "Experts by experience": "5",
        "Experts by qualification": "fewer than 5",
        "Total": "10",
    }


def test_csv_says_what_it_covers_and_is_an_attachment(client, cast):
    sign_in(client, cast.member)
    response = client.get(reverse("reports:project_csv", args=[cast.private.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="project-')
    rows = _csv_rows(response)
    assert rows[0] == ["Project", "Library opening hours"]
    assert rows[1][0] == "Made on"
    assert rows[2][0] == "Period covered" and rows[2][1].startswith("12 January 2026 to ")
    assert ["Section", "Figure", "Value"] in rows


@given(title=st.text(min_size=1, max_size=40).filter(lambda t: t.strip()))
def test_io5_formula_in_project_title_cannot_run(title, cast):
    cast.private.title = title
    report = project_report(project=cast.private)
    rows = list(csv.reader(io.StringIO(exports.project_figures_csv(report))))
    cell = rows[0][1]
    expected = title.replace("\x00", "")
    if expected.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")):
        assert cell == "'" + expected
    else:
        assert cell == expected


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "  =x"])
def test_io5_each_trigger_gets_an_apostrophe(value):
    assert exports.safe_cell(value) == "'" + value


def test_io5_numbers_stay_numbers():
    assert exports.safe_cell(-5) == -5
    assert exports.csv_text([["a", 3]]) == "a,3\r\n"


def test_pdf_text_has_the_headline_figures(client, cast):
    sign_in(client, cast.member)
    response = client.get(reverse("reports:project_pdf", args=[cast.private.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="project-')
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    report = project_report(project=cast.private)
    assert "Library opening hours" in text
    assert f"Step {report.evidence.step.order} of 7: {report.evidence.step.name}" in text
    assert "Meetings held 0" in text
    assert f"Decisions made {report.decisions_made}" in text
    assert f"Ideas and concerns raised {report.ideas_raised}" in text
    assert "fewer than 5" in text


def test_io6_pdf_fetches_nothing_from_what_people_typed(client, cast, monkeypatch):
    asked = []
    monkeypatch.setattr(exports, "fetch_refused", lambda url, *a, **k: asked.append(url))
    cast.private.summary = (
        '<img src="http://127.0.0.1:6379/"> <img src="file:///etc/passwd"> '
        "<link rel=stylesheet href=http://169.254.169.254/>"
    )
    cast.private.save()
    sign_in(client, cast.member)
    response = client.get(reverse("reports:project_pdf", args=[cast.private.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert asked == []


def test_io6_pdf_still_renders_when_something_asks_for_a_url(monkeypatch):
    asked = []

    def spy(url, *args, **kwargs):
        asked.append(url)
        raise ValueError("refused")

    monkeypatch.setattr(exports, "fetch_refused", spy)
    html = '<html lang="en"><title>t</title><body><img src="file:///etc/passwd">Hi</body></html>'
    assert exports.pdf_from_html(html).startswith(b"%PDF")
    assert asked == ["file:///etc/passwd"]


def test_priv8_trend_chart_agrees_with_its_table(client, cast):
    # A second placement: the project moves when the decisions are shared.
    project = cast.private
    lead = Membership.objects.get(project=project, role="lead")
    for _ in range(3):
        decision = DecisionFactory(project=project, decided=True, stage="design")
        PositionFactory.for_member(decision, lead)
    placement_refresh(project=project)
    sign_in(client, cast.member)
    page = client.get(reverse("reports:project", args=[project.pk])).content.decode()
    svg = re.search(r'<svg class="app-chart".*?</svg>', page, re.S).group(0)
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    bars = re.findall(r'data-label="([^"]+)" data-value="(\d+)"', svg)
    figures = re.findall(r'class="app-chart__figure"[^>]*>([^<]+)<', svg)
    table = re.search(r'data-table="placement-trend".*?</table>', page, re.S).group(0)
    rows = re.findall(
        r'<th scope="row" class="govuk-table__header">([^<]+)</th>'
        r'<td class="govuk-table__cell" data-value="(\d+)">([^<]+)</td>',
        table,
    )
    assert len(bars) == len(rows) >= 1
    assert [(label, value) for label, value in bars] == [(r[0], r[1]) for r in rows]
    assert figures == [r[2] for r in rows]


def _grow(project, n: int) -> None:
    lead = Membership.objects.get(project=project, role="lead")
    for _ in range(n):
        member = MembershipFactory(project=project)
        decision = DecisionFactory(project=project, decided=True, stage="design")
        PositionFactory.for_member(decision, lead)
        PositionFactory.for_member(decision, member)
        ContributionFactory.for_member(member, stage="design", status="adopted")
    placement_refresh(project=project)


@pytest.mark.parametrize("size", [2, 30])
def test_report_queries_do_not_grow_with_the_project(client, django_assert_max_num_queries, size):
    project = project_with_history(stages=STAGES, experts=2)
    _grow(project, size)
    member = Membership.objects.filter(project=project, kind="experience").first().user
    sign_in(client, member)
    # Session and user (2), the project and membership check (1), the evidence engine (about
    # 20 with the meetings and reciprocity signals), then one or two per report section (15).
    with django_assert_max_num_queries(45):
        assert client.get(reverse("reports:project", args=[project.pk])).status_code == 200
