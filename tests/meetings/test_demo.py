"""`copro demo` adds meetings in the past and to come for each demo project, with varied
arrangements, once."""

import hashlib

import pytest
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone

from copro.meetings import selectors
from copro.meetings.evidence_signals import access_signal
from copro.meetings.models import Arrangement, Attendance, Meeting, Paper, Venue
from copro.projects.evidence.signals import record_read
from copro.projects.evidence.thresholds import thresholds
from copro.projects.models import Project


def counts():
    return tuple(
        model.objects.count() for model in (Venue, Meeting, Paper, Arrangement, Attendance)
    )


@pytest.mark.django_db
def test_demo_meetings_are_built_once_with_varied_arrangements(settings, tmp_path):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")
    first = counts()
    call_command("demo")
    assert counts() == first
    now = timezone.now()
    for project in Project.objects.all():
        meetings = Meeting.objects.filter(project=project)
        assert meetings.filter(starts_at__lt=now).exists(), project
        assert meetings.filter(starts_at__gt=now).exists(), project
    statuses = set(Arrangement.objects.values_list("status", flat=True))
    assert {"requested", "booked", "confirmed", "not_possible"} <= statuses
    assert set(Meeting.objects.values_list("format", flat=True)) == {
        "in_person",
        "online",
        "hybrid",
    }

    # Bus stops: a meeting coming up at a place with steps while someone needs step-free access.
    bus = Meeting.objects.filter(
        project__title="Bus stops everyone can use", starts_at__gt=now, venue__isnull=False
    ).first()
    warnings = selectors.checklist(meeting=bus)["venue_warnings"]
    assert any(w.blocking and w.need == "step_free" for w in warnings)

    # Library: always Tuesday mornings - the spread warning, and the access signal not met.
    library = Project.objects.get(title="Library opening hours")
    assert selectors.host_meetings(host=library)["spread"].warnings
    assert access_signal(record_read(project=library), thresholds()).met is False

    # An open event with a limit, a kept place and someone on the waiting list.
    event = Meeting.objects.get(title="Open afternoon for carers")
    assert event.capacity and event.reserved_places == 1
    assert event.invitees.filter(reply="waitlist").count() == 1
    assert event.invitees.filter(reply="yes").count() == event.capacity

    # Papers are real files with their real hash and a real plain English check.
    for paper in Paper.objects.all():
        with storages["default"].open(paper.stored_name, "rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() == paper.sha256
        assert paper.plain_english_level
