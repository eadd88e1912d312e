"""CONC: two runs of the daily job at the same moment send each report once. Real threads need
PostgreSQL; SQLite lets one writer in at a time, so this skips there with a reason (the unique
constraint itself is tested on both in test_schedules.py)."""

import threading
import time
from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.db import connection

from copro.reports import schedules
from copro.reports.models import ReportSchedule, ReportSend
from tests.concurrency import skip_on_sqlite
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_conc_two_runs_at_once_send_each_report_once(monkeypatch):
    skip_on_sqlite()
    owner = UserFactory(role="staff")
    for _ in range(3):
        schedule = schedules.schedule_create(
            by=owner, project=None, frequency="monthly", recipients=["carol@example.org"]
        )
        ReportSchedule.objects.filter(pk=schedule.pk).update(
            created_at=datetime(2026, 10, 5, tzinfo=UTC)
        )

    def slow_pdf(*args, **kwargs):
        time.sleep(0.2)  # widen the window between storing the send and finishing it
        return "report.pdf", b"%PDF-1.7 test"

    monkeypatch.setattr(schedules, "report_pdf", slow_pdf)
    results, errors = [], []
    barrier = threading.Barrier(4)

    def run():
        try:
            barrier.wait()
            results.append(schedules.send_scheduled_reports())
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    with time_machine.travel(datetime(2026, 12, 1, 7, tzinfo=UTC)):
        threads = [threading.Thread(target=run) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert sum(results) == 3
    assert ReportSend.objects.count() == 3
    assert len(mail.outbox) == 3
