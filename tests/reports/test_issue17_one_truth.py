"""Issue 17, "correct figures everywhere": one rule for small numbers on a page (a share is hidden
wherever its counts are rounded or suppressed, PRIV-6), and the dashboard reads the current
evidence for "something back" rather than the placements stored when a step last changed."""

import csv
import io
import re

import pytest
from django.urls import reverse

from copro.core.suppression import share_of_counts
from copro.projects.evidence.placement import placement_refresh
from copro.projects.evidence.signals import record_read, signals_for
from copro.projects.models import Project
from tests.people.factories import UserFactory
from tests.reciprocity.test_evidence_signal import came, held_meeting, reward_for
from tests.reports.conftest import sign_in

pytestmark = pytest.mark.django_db


def _attend(project, *, came_times: int, rewarded: int):
    staff = UserFactory(display_name="Sam", role="staff")
    meeting = held_meeting(project)
    for n in range(came_times):
        attendance = came(meeting, UserFactory(display_name=f"Person {n}"))
        if n < rewarded:
            reward_for(attendance, staff)


@pytest.mark.parametrize(
    ("count", "total", "shown"),
    [
        (9, 12, "not shown"),
        (3, 20, "not shown"),
        (10, 20, "50%"),
        (15, 20, "75%"),
        (0, 0, "not shown"),
    ],
)
def test_priv6_a_share_is_shown_only_when_its_counts_are_exact(count, total, shown):
    assert share_of_counts(count, total).display == shown


def test_priv6_report_never_says_100_percent_beside_a_signal_at_75(client, cast):
    """9 of 12 rounds to 10 and 10: the share is hidden on the page and in the CSV, and the signal
    still says "Not met", so the page tells one truth."""
    _attend(cast.published, came_times=12, rewarded=9)
    placement_refresh(project=cast.published)
    signal = {s.key: s for s in signals_for(record_read(project=cast.published))}["reciprocity"]
    assert signal.display == "9 of 12 (75%)" and signal.met is False
    page = client.get(reverse("reports:project", args=[cast.published.pk])).content.decode()
    section = page[page.index('id="reciprocity"') :]
    assert "100%" not in section and "not shown" in section
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(
                    reverse("reports:project_csv", args=[cast.published.pk])
                ).content.decode()
            )
        )
    )
    shares = [r[2] for r in rows if r[:2] == ["Reciprocity", "Share that got something back"]]
    assert shares == ["not shown"]


def test_dashboard_reads_current_reciprocity_not_a_stale_placement(client, cast):
    placement_refresh(project=cast.published)  # stored before anyone came: "not known yet"
    _attend(cast.published, came_times=2, rewarded=2)  # no step change, so nothing re-stored
    Project.objects.exclude(pk=cast.published.pk).delete()
    sign_in(client, cast.staff)
    page = client.get(reverse("reports:dashboard")).content.decode()
    table = re.search(r"whether people get something back.*?</table>", page, re.S).group(0)
    counts = dict(re.findall(r'header">([^<]+)</th><td[^>]*>(\d+)</td>', table))
    assert counts["Met"] == "1" and counts["Not known yet"] == "0"
