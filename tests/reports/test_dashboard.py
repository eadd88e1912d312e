"""The organisation dashboard: charts agree with their tables (PRIV-8), the service-area filter
is checked (IO-10), the one count of people is suppressed and not filtered (PRIV-6, PRIV-7),
and the query count does not grow with the number of projects."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from copro.meetings.models import Meeting
from copro.projects.evidence.placement import placement_refresh
from tests.projects.factories import project_with_history
from tests.reports.conftest import STAGES, sign_in

pytestmark = pytest.mark.django_db


def _page(client, cast, query=""):
    sign_in(client, cast.staff)
    response = client.get(reverse("reports:dashboard") + query)
    assert response.status_code == 200
    return response.content.decode()


def _chart_and_table(page, slug):
    svg = re.search(rf'<svg[^>]*data-chart="{slug}".*?</svg>', page, re.S).group(0)
    bars = re.findall(r'data-label="([^"]+)" data-value="(\d+)"', svg)
    table = re.search(rf'data-table="{slug}".*?</table>', page, re.S).group(0)
    rows = re.findall(
        r'<th scope="row" class="govuk-table__header">([^<]+)</th>.*?data-value="(\d+)"',
        table,
        re.S,
    )
    return svg, bars, rows


def test_priv8_projects_by_step_chart_agrees_with_table(client, cast):
    page = _page(client, cast)
    svg, bars, rows = _chart_and_table(page, "projects-by-step")
    assert 'role="img"' in svg and 'aria-labelledby="chart-projects-by-step-title' in svg
    assert bars == rows
    assert len(bars) == 8  # seven steps and "not placed yet"
    assert sum(int(v) for _label, v in bars) == 2


def _meeting(project, when):
    return Meeting.objects.create(
        project=project,
        title="Catch-up",
        starts_at=when,
        duration_minutes=60,
        format=Meeting.Format.ONLINE,
        online_link="https://meet.example.org/x",
        purpose=Meeting.Purpose.CONSULT,
    )


def test_priv8_meetings_by_weekday_chart_agrees_with_table(client, cast):
    _meeting(cast.private, datetime(2026, 3, 2, 10, tzinfo=UTC))  # Monday morning
    _meeting(cast.private, datetime(2026, 3, 4, 18, tzinfo=UTC))  # Wednesday evening
    _meeting(cast.published, datetime(2026, 3, 9, 14, tzinfo=UTC))  # Monday afternoon
    page = _page(client, cast)
    _svg, bars, rows = _chart_and_table(page, "meetings-by-weekday")
    assert bars == rows
    assert dict(bars)["Monday"] == "2" and dict(bars)["Wednesday"] == "1"
    # Filtered to Housing: only the published project's meeting.
    page = _page(client, cast, "?service_area=Housing")
    _svg, bars, rows = _chart_and_table(page, "meetings-by-weekday")
    assert bars == rows and dict(bars)["Monday"] == "1" and dict(bars)["Wednesday"] == "0"


def test_io10_unknown_service_area_is_explained_and_not_applied(client, cast):
    page = _page(client, cast, "?service_area=%27%20OR%201%3D1%20--")
    assert "There is a problem" in page
    assert "Choose a service area from the list" in page
    assert "<title>Error: " in page
    assert "all 2 projects" in page


def test_io10_duplicate_filter_values_are_handled_the_same_way_each_time(client, cast):
    first = _page(client, cast, "?service_area=Housing&service_area=Libraries")
    second = _page(client, cast, "?service_area=Housing&service_area=Libraries")
    assert "the 1 project in Libraries" in first
    assert first.count("Libraries") == second.count("Libraries")


def test_priv7_council_wide_counts_of_people_do_not_change_with_the_filter(client, cast):
    def reciprocity(page):
        return re.search(r"Across the whole council.*?</table>", page, re.S).group(0)

    assert reciprocity(_page(client, cast)) == reciprocity(
        _page(client, cast, "?service_area=Housing")
    )


@pytest.mark.parametrize("count", [2, 25])
def test_dashboard_queries_do_not_grow_with_projects(
    client, cast, count, django_assert_max_num_queries
):
    for n in range(count):
        project = project_with_history(stages=STAGES, experts=3)
        project.service_area = "Libraries" if n % 2 else "Parks"
        project.save()
        placement_refresh(project=project)
        _meeting(project, datetime(2026, 3, 2 + n % 7, 9 + n % 12, tzinfo=UTC))
    sign_in(client, cast.staff)
    # Session, user and second factor (3), board check (0 for staff), service areas (1),
    # projects counted (1), latest placements (1), steps (1), projects the viewer may see (1),
    # meetings by weekday and hour (1), reciprocity (2).
    with django_assert_max_num_queries(14):
        assert client.get(reverse("reports:dashboard")).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("reports:dashboard") + "?service_area=Parks").status_code == 200
