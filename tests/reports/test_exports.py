"""The dashboard CSV and the open-data CSV: who gets them (AZ-7), what they say they cover, how
they are sent (IO-5) and that the organisation PDF fetches nothing (IO-6)."""

import csv
import io
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from copro.projects.models import Project
from copro.reports import exports
from copro.reports.dashboard import organisation_dashboard
from copro.reports.periods import period_from_key
from tests.reports.conftest import sign_in

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(NOW, tick=True):
        yield


def _rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def _values(rows):
    start = rows.index(["Section", "Figure", "Value"])
    return {(r[0], r[1]): r[2] for r in rows[start + 1 :]}


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("staff", 200),
        ("administrator", 200),
        ("board_member", 200),
        ("member", 404),
        ("outsider", 404),
    ],
)
def test_az7_dashboard_csv_only_for_staff_and_the_board(client, cast, persona, status):
    sign_in(client, getattr(cast, persona))
    assert client.get(reverse("reports:dashboard_csv")).status_code == status


def test_az11_dashboard_csv_asks_anonymous_to_sign_in(client, cast):
    response = client.get(reverse("reports:dashboard_csv"))
    assert response.status_code == 302 and response["Location"].startswith("/account/sign-in/")


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "staff"])
def test_open_data_is_for_everyone(client, cast, persona):
    if persona != "anonymous":
        sign_in(client, getattr(cast, persona))
    response = client.get(reverse("reports:open_data"))
    assert response.status_code == 200


def test_az7_no_project_is_named_in_either_file(client, cast):
    """Aggregate only: no project's title, in particular not a members-only one."""
    sign_in(client, cast.staff)
    for name in ("reports:dashboard_csv", "reports:open_data"):
        text = client.get(reverse(name)).content.decode()
        assert cast.private.title not in text and cast.published.title not in text


def test_io5_files_are_csv_attachments_with_safe_names(client, cast):
    sign_in(client, cast.staff)
    for name, prefix in (
        ("reports:dashboard_csv", "dashboard-"),
        ("reports:open_data", "open-data-"),
    ):
        response = client.get(reverse(name) + "?service_area=Housing")
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == f'attachment; filename="{prefix}2026-11-23.csv"'


def test_files_say_when_they_were_made_and_what_they_cover(client, cast):
    sign_in(client, cast.staff)
    rows = _rows(
        client.get(reverse("reports:dashboard_csv") + "?period=2026-Q2&service_area=Housing")
    )
    assert rows[1] == ["Made on", "23 November 2026"]
    assert rows[2] == ["Period covered", "1 April 2026 to 30 June 2026 (April to June 2026)"]
    assert rows[3] == ["Service area", "Housing"]
    rows = _rows(client.get(reverse("reports:open_data")))
    assert rows[0] == ["Working Together: open data"]
    assert rows[1] == ["Made on", "23 November 2026"]
    assert rows[2] == ["Period covered", "1 January 2025 to 31 December 2026 (the last 8 quarters)"]
    assert rows[3] == ["Service area", "All service areas"]


def test_dashboard_csv_has_the_figures_the_page_shows(client, cast):
    sign_in(client, cast.staff)
    values = _values(_rows(client.get(reverse("reports:dashboard_csv"))))
    data = organisation_dashboard(viewer=cast.staff)
    for label, count in data.steps:
        assert values[("Projects by step", label)] == str(count)
    took_part = ("Reciprocity, whole council", "Times experts by experience took part")
    assert values[took_part] == data.attendances.display
    assert ("Training completed, whole council", "October to December 2026: Total") in values


def test_priv6_open_data_suppresses_small_counts_of_people(client, cast):
    from copro.learning.models import QuizAttempt
    from tests.people.factories import UserFactory

    for score in (10, 10, 3):
        QuizAttempt.objects.create(person=UserFactory(), score=score, out_of=10)
    values = _values(_rows(client.get(reverse("reports:open_data"))))
    section = "Quiz attempts, whole council"
    assert values[(section, "October to December 2026: All answers right")] == "fewer than 5"
    assert values[(section, "October to December 2026: Fewer than half right")] == "fewer than 5"
    assert values[(section, "October to December 2026: Total")] == "fewer than 10"


def test_priv7_open_data_has_no_filters(client, cast):
    """Asking for a service area or period changes nothing: nothing to compare."""
    plain = client.get(reverse("reports:open_data")).content
    assert (
        client.get(reverse("reports:open_data") + "?service_area=Housing&period=2026-Q2").content
        == plain
    )


@given(area=st.text(min_size=1, max_size=30).filter(lambda t: "\x00" not in t))  # PostgreSQL
def test_io5_formula_in_a_service_area_cannot_run(area, cast):
    cast.published.service_area = area
    Project.objects.filter(pk=cast.published.pk).update(service_area=area)
    data = organisation_dashboard(viewer=cast.staff, service_area=area, period=period_from_key(""))
    rows = list(csv.reader(io.StringIO(exports.dashboard_csv_text(data))))
    cell = rows[3][1]
    expected = area.replace("\x00", "")
    if expected.lstrip(" ").startswith(TRIGGERS):
        assert cell == "'" + expected
    else:
        assert cell == expected
    # Numbers stay numbers.
    assert _values(rows)[("Projects by step", "Not placed yet")].isdigit()


def test_io5_formula_service_area_through_the_page(client, cast):
    Project.objects.filter(pk=cast.published.pk).update(service_area='=HYPERLINK("http://x")')
    sign_in(client, cast.staff)
    rows = _rows(
        client.get(reverse("reports:dashboard_csv"), {"service_area": '=HYPERLINK("http://x")'})
    )
    assert rows[3] == ["Service area", '\'=HYPERLINK("http://x")']


def test_io6_organisation_pdf_fetches_nothing(cast, monkeypatch):
    from django.template.loader import render_to_string

    asked = []
    monkeypatch.setattr(exports, "fetch_refused", lambda url, *a, **k: asked.append(url))
    area = '<img src="http://127.0.0.1:6379/"><img src="file:///etc/passwd">'
    Project.objects.filter(pk=cast.published.pk).update(service_area=area)
    data = organisation_dashboard(viewer=cast.staff, service_area=area)
    pdf = exports.pdf_from_html(render_to_string("reports/dashboard_pdf.html", {"dashboard": data}))
    assert pdf.startswith(b"%PDF")
    assert asked == []


def test_organisation_pdf_text_has_the_headline_figures(cast):
    from django.template.loader import render_to_string

    data = organisation_dashboard(viewer=cast.staff, today=date(2026, 11, 23))
    pdf = exports.pdf_from_html(render_to_string("reports/dashboard_pdf.html", {"dashboard": data}))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "How the projects are doing" in text
    assert "all 2 projects" in text
    assert "made on 23 November 2026" in text
    assert "1 January 2025 to 31 December 2026" in text
    assert "Training" in text and "Quiz results" in text


@override_settings(EQUALITY_SUPPRESSION_THRESHOLD=4)
def test_priv6_open_data_refuses_a_threshold_below_5(client, cast):
    from copro.core.suppression import ThresholdTooLow

    with pytest.raises(ThresholdTooLow):
        client.get(reverse("reports:open_data"))
