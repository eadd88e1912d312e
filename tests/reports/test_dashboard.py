"""The organisation dashboard: charts agree with their tables (PRIV-8), the filters are checked
(IO-10), counts of people are suppressed and not filtered by service area (PRIV-6, PRIV-7), the
trend over quarters, training and quiz figures, the readiness panel, and the query count does
not grow with the number of projects (LOAD-6)."""

import re
import sys
import types
from datetime import UTC, date, datetime, time

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from copro.framework.models import StaircaseStep, TrainingLevel
from copro.meetings.models import Meeting
from copro.projects.evidence.placement import placement_refresh
from copro.projects.models import Placement
from copro.reports import dashboard as dashboard_module
from copro.reports.dashboard import organisation_dashboard, readiness_lines, trend_rows
from tests.people.factories import UserFactory
from tests.projects.factories import project_with_history
from tests.reports.conftest import STAGES, sign_in

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _today():
    """Fixed dates below stay inside the dashboard's default period (the last 8 quarters)."""
    with time_machine.travel(NOW, tick=True):
        yield


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


def _project(area="Parks", placed_at=None, n=0):
    project = project_with_history(stages=STAGES, experts=3)
    project.service_area = area
    project.save()
    placement = placement_refresh(project=project)
    if placed_at and placement:
        Placement.objects.filter(pk=placement.pk).update(placed_at=placed_at)
    return project


def _grow(count):
    for n in range(count):
        project = _project("Libraries" if n % 2 else "Parks")
        _meeting(project, datetime(2026, 3, 2 + n % 7, 9 + n % 12, tzinfo=UTC))


def _queries(client, django_assert_max_num_queries, query=""):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("reports:dashboard") + query).status_code == 200
    return len(context.captured_queries)


def test_load6_dashboard_queries_do_not_grow_with_projects(
    client, cast, django_assert_max_num_queries
):
    sign_in(client, cast.staff)
    _grow(1)  # 3 projects
    few = _queries(client, django_assert_max_num_queries)
    few_filtered = _queries(client, django_assert_max_num_queries, "?service_area=Parks")
    _grow(27)  # 30 projects
    # Session, user and second factor (3), board check (0 for staff), service areas (1),
    # projects counted (1), steps (1), latest placements (1), trend: projects and placements
    # (2), projects the viewer may see (1), meetings (1), reciprocity (2) and its current
    # evidence by project (1), training (2),
    # quiz (1); the readiness panel adds its own when installed.
    with django_assert_max_num_queries(few):
        assert client.get(reverse("reports:dashboard")).status_code == 200
    with django_assert_max_num_queries(few_filtered):
        assert client.get(reverse("reports:dashboard") + "?service_area=Parks").status_code == 200
    with django_assert_max_num_queries(few):
        assert client.get(reverse("reports:dashboard_csv")).status_code == 200


def test_load6_dashboard_query_count_is_small(
    client, cast, django_assert_max_num_queries, monkeypatch
):
    monkeypatch.setattr(dashboard_module, "readiness_panel", lambda: None)
    _grow(3)
    sign_in(client, cast.staff)
    # 16 before notifications, + the unread notifications count in the header
    with django_assert_max_num_queries(17):
        assert client.get(reverse("reports:dashboard")).status_code == 200


# --- The trend over quarters --------------------------------------------------------------


def test_trend_counts_projects_by_step_at_the_end_of_each_quarter(client, cast):
    Placement.objects.all().delete()
    step_1 = StaircaseStep.objects.get(order=1)
    step_6 = StaircaseStep.objects.get(order=6)
    project = cast.private
    Placement.objects.create(
        project=project, step=step_1, placed_at=datetime(2026, 2, 1, tzinfo=UTC)
    )
    Placement.objects.create(
        project=project, step=step_6, placed_at=datetime(2026, 8, 1, tzinfo=UTC)
    )
    page = _page(client, cast)
    svg, bars, rows = _chart_and_table(page, "top-steps-by-quarter")
    assert bars == rows  # PRIV-8
    bars = dict(bars)
    assert bars["January to March 2026"] == "0"  # at step 1 then
    assert bars["April to June 2026"] == "0"
    assert bars["July to September 2026"] == "1"  # step 6 from August
    assert bars["October to December 2026"] == "1"
    table = re.search(r'data-table="top-steps-by-quarter".*?</table>', page, re.S).group(0)
    q1 = re.search(r"January to March 2026</th>(.*?)</tr>", table, re.S).group(1)
    cells = re.findall(r">(\d+)</td>", q1)
    assert cells[0] == "1"  # one project on step 1 at the end of March
    assert len(cells) == 7 + 2  # seven steps, "not placed yet", the top two steps


def test_trend_rows_pure():
    from copro.reports.periods import Quarter

    quarters = (Quarter(2026, 1), Quarter(2026, 2))
    created = [(1, date(2026, 1, 5)), (2, date(2026, 1, 6)), (3, date(2026, 5, 1))]
    history = [(1, 2, date(2026, 1, 10)), (1, 7, date(2026, 4, 2)), (2, 6, date(2026, 6, 30))]
    rows = trend_rows(quarters, created, history, 7)
    assert rows[0].by_step == [0, 1, 0, 0, 0, 0, 0] and rows[0].not_placed == 1
    assert rows[1].by_step == [0, 0, 0, 0, 0, 1, 1] and rows[1].not_placed == 1
    assert rows[1].top_steps == 2


def test_period_filter_limits_meetings_and_steps(client, cast):
    _meeting(cast.private, datetime(2026, 3, 2, 10, tzinfo=UTC))  # Q1
    _meeting(cast.private, datetime(2026, 5, 4, 10, tzinfo=UTC))  # Q2
    _svg, bars, _rows = _chart_and_table(
        _page(client, cast, "?period=2026-Q2"), "meetings-by-weekday"
    )
    assert dict(bars)["Monday"] == "1"
    page = _page(client, cast, "?period=2026-Q2")
    assert "April to June 2026 (1 April 2026 to 30 June 2026)" in page
    # The cast's projects were made today (in Q4), so none existed at the end of Q2.
    assert "all 0 projects" in page
    Placement.objects.filter(project=cast.private).update(
        placed_at=datetime(2026, 4, 1, tzinfo=UTC)
    )
    assert "all 1 project " in _page(client, cast, "?period=2026-Q2")


@pytest.mark.parametrize("bad", ["2026-Q9", "1999-Q1", "<script>", "%00", "2026-Q2' OR 1=1"])
def test_io10_unknown_period_is_explained_and_not_applied(client, cast, bad):
    from urllib.parse import quote

    page = _page(client, cast, f"?period={quote(bad)}&service_area=Housing")
    assert "Choose a period from the list" in page
    assert "<title>Error: " in page
    assert "the last 8 quarters" in page
    assert "the 1 project in Housing" in page  # the valid filter still applies


# --- Training and quiz: counts of people, suppressed (PRIV-6, PRIV-8) ----------------------


def _completions(count, level_order, day):
    from copro.learning.models import Booking, TrainingSession
    from copro.meetings.models import Venue

    level = TrainingLevel.objects.get(order=level_order)
    ambassador = UserFactory(display_name="Amir")
    venue, _ = Venue.objects.get_or_create(name="Town Hall", defaults={"address": "1 High Street"})
    session = TrainingSession.objects.create(
        level=level, ambassador=ambassador, date=day, starts_at=time(10), venue=venue, capacity=60
    )
    for _ in range(count):
        Booking.objects.create(
            session=session, person=UserFactory(), status="booked", attended=True, completed=True
        )


def _people_chart_and_table(page, slug):
    svg = re.search(rf'<svg[^>]*data-chart="{slug}".*?</svg>', page, re.S).group(0)
    bars = []
    figure = r'<text class="app-chart__figure"[^>]*>([^<]+)</text>'
    for rect, text in re.findall(r'(<rect class="app-chart__bar[^>]*>).*?' + figure, svg, re.S):
        label = re.search(r'data-label="([^"]+)"', rect).group(1)
        value = re.search(r'data-value="(\d+)"', rect)
        bars.append((label, value.group(1) if value else None, text))
    table = re.search(rf'data-table="{slug}".*?</table>', page, re.S).group(0)
    totals = []
    for cell in re.findall(r"<td [^>]*data-total=[^>]*>[^<]*</td>", table):
        label = re.search(r'data-total="([^"]+)"', cell).group(1)
        value = re.search(r'data-value="(\d+)"', cell)
        text = re.search(r">([^<]*)</td>", cell).group(1)
        totals.append((label, value.group(1) if value else None, text))
    return bars, totals, table


def test_priv6_priv8_training_completions_suppressed_and_chart_agrees(client, cast):
    _completions(3, 1, date(2026, 2, 10))  # Q1: 3 at level 1, hidden
    _completions(12, 2, date(2026, 5, 10))  # Q2: 12 at level 2, shown as 10
    _completions(2, 3, date(2026, 5, 12))  # Q2: 2 at level 3, hidden
    page = _page(client, cast)
    bars, totals, table = _people_chart_and_table(page, "training-completions")
    assert bars == totals
    bars = {label: (value, text) for label, value, text in bars}
    assert bars["January to March 2026"] == (None, "fewer than 5")
    assert bars["April to June 2026"] == ("15", "15")  # 10 shown + 2.5 for the hidden cell
    assert bars["July to September 2026"] == ("0", "0")
    q2 = re.search(r"April to June 2026</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r">([^<]+)</td>", q2) == ["0", "10", "fewer than 5", "15"]
    assert ">3<" not in table and ">12<" not in table and ">2<" not in table
    # The SVG draws no bar for a hidden figure, only a marker that says so.
    svg = re.search(r'<svg[^>]*data-chart="training-completions".*?</svg>', page, re.S).group(0)
    assert 'data-hidden="true"' in svg and 'width="14"' in svg


def test_priv6_quiz_results_banded_and_suppressed(client, cast):
    from copro.learning.models import QuizAttempt

    for score in (10, 10, 10, 10, 10, 10, 6, 2):
        QuizAttempt.objects.create(person=UserFactory(), score=score, out_of=10)
    page = _page(client, cast)
    bars, totals, table = _people_chart_and_table(page, "quiz-results")
    assert bars == totals
    q4 = re.search(r"October to December 2026</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r">([^<]+)</td>", q4) == ["5", "fewer than 5", "fewer than 5", "10"]


@override_settings(EQUALITY_SUPPRESSION_THRESHOLD=10)
def test_priv6_threshold_setting_is_used(client, cast):
    _completions(7, 1, date(2026, 5, 10))
    page = _page(client, cast)
    _bars, totals, _table = _people_chart_and_table(page, "training-completions")
    assert ("April to June 2026", None, "fewer than 10") in totals


@override_settings(EQUALITY_SUPPRESSION_THRESHOLD=3)
def test_priv6_threshold_below_5_is_refused(cast):
    from copro.core.suppression import ThresholdTooLow

    with pytest.raises(ThresholdTooLow):
        organisation_dashboard(viewer=cast.staff)


def test_priv7_training_and_quiz_do_not_change_with_the_service_area(client, cast):
    _completions(6, 1, date(2026, 5, 10))

    def people(page):
        return re.search(r'id="training".*?id="quiz".*?</table>', page, re.S).group(0)

    assert people(_page(client, cast)) == people(_page(client, cast, "?service_area=Housing"))


# --- Readiness of the seven steps -----------------------------------------------------------


def test_readiness_panel_hidden_when_the_part_is_not_installed(client, cast, monkeypatch):
    _page(client, cast)  # every module the site needs is loaded before the import is broken
    monkeypatch.setitem(sys.modules, "copro.readiness.selectors", None)  # import fails
    page = _page(client, cast)
    assert 'id="readiness"' not in page


def test_readiness_panel_shows_the_summary(client, cast, monkeypatch):
    fake = types.ModuleType("copro.readiness.selectors")
    fake.readiness_summary = lambda: [
        {"title": "Get senior leaders to champion co-production", "status": "In place"},
        {"title": "Train staff and citizens", "status": "Started"},
    ]
    _page(client, cast)
    monkeypatch.setitem(sys.modules, "copro.readiness.selectors", fake)
    page = _page(client, cast)
    panel = re.search(r'data-table="readiness".*?</table>', page, re.S).group(0)
    assert "Get senior leaders to champion co-production" in panel and "In place" in panel
    assert "Train staff and citizens" in panel and "Started" in panel


def test_readiness_lines_accept_other_shapes():
    from types import SimpleNamespace

    lines = readiness_lines(SimpleNamespace(steps=[SimpleNamespace(name="Step A", ready=True)]))
    assert [(line.step, line.status) for line in lines] == [("Step A", "Ready")]
    assert [(x.step, x.status) for x in readiness_lines({"Step B": False})] == [
        ("Step B", "Not ready yet")
    ]


def test_readiness_panel_with_the_real_summary(client, cast):
    """The readiness part is installed: its seven steps appear, by name, with their status."""
    selectors = pytest.importorskip("copro.readiness.selectors")
    summary = selectors.readiness_summary()
    page = _page(client, cast)
    panel = re.search(r'data-table="readiness".*?</table>', page, re.S)
    if not summary:
        assert panel is None
        return
    panel = panel.group(0)
    for item in summary:
        assert str(item.step.name).replace("'", "&#x27;") in panel
        assert item.status_label in panel
