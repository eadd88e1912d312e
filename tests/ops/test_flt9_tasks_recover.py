"""FLT-9 (in process): tasks a dead worker left "running" go back in the queue, and nothing
else is touched. tests/faults/test_flt_processes.py kills a real worker mid-task."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.faults.tasks import slow_task


@pytest.fixture
def db_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def a_task(status: str, minutes_ago: float | None) -> DBTaskResult:
    result = slow_task.enqueue(marker="/nonexistent", seconds=0)
    started = (
        None if minutes_ago is None else timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    DBTaskResult.objects.filter(id=result.id).update(status=status, started_at=started)
    return DBTaskResult.objects.get(id=result.id)


@pytest.mark.django_db
def test_flt9_only_tasks_running_longer_than_the_limit_are_requeued(db_queue):
    abandoned = a_task(TaskResultStatus.RUNNING, 60)
    busy = a_task(TaskResultStatus.RUNNING, 1)
    done = a_task(TaskResultStatus.SUCCESSFUL, 120)
    failed = a_task(TaskResultStatus.FAILED, 120)
    waiting = a_task(TaskResultStatus.READY, None)
    out = io.StringIO()
    call_command("tasks_recover", "--older-than", "15", stdout=out)
    assert "1 abandoned task requeued" in out.getvalue()
    statuses = dict(DBTaskResult.objects.values_list("id", "status"))
    assert statuses == {
        abandoned.id: TaskResultStatus.READY,
        busy.id: TaskResultStatus.RUNNING,
        done.id: TaskResultStatus.SUCCESSFUL,
        failed.id: TaskResultStatus.FAILED,
        waiting.id: TaskResultStatus.READY,
    }
    # It is now one a worker would take.
    assert DBTaskResult.objects.ready().filter(id=abandoned.id).exists()
    # Running it again finds nothing more.
    out = io.StringIO()
    call_command("tasks_recover", "--older-than", "15", stdout=out)
    assert "0 abandoned tasks requeued" in out.getvalue()
