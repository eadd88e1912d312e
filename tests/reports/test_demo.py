"""`copro demo` sets up Sam's monthly organisation report with two months already sent, and a
quarterly report on a published project - once."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from copro.people.models import User
from copro.reports.models import ReportSchedule, ReportSend
from tests.reports.conftest import sign_in


@pytest.mark.django_db
def test_demo_schedules_and_their_history_are_built_once(settings, tmp_path, client):
    settings.ALLOW_DEMO_DATA = True
    settings.VAR_DIR = tmp_path
    call_command("demo")
    first = (ReportSchedule.objects.count(), ReportSend.objects.count())
    call_command("demo")
    assert (ReportSchedule.objects.count(), ReportSend.objects.count()) == first == (2, 2)
    sam = User.objects.get(email="sam.staff@demo.example")
    monthly = ReportSchedule.objects.get(owner=sam, project__isnull=True)
    assert [s.status for s in monthly.sends.all()] == ["sent", "sent"]
    sign_in(client, sam)
    page = client.get(reverse("reports:schedule", args=[monthly.pk])).content.decode()
    for send in monthly.sends.all():
        assert send.period_label in page
    # Nothing more is due until this month ends: the daily job sends nothing today.
    from copro.reports.schedules import send_scheduled_reports

    assert send_scheduled_reports() == 0
