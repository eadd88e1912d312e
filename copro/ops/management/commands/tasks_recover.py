"""`copro tasks_recover`: put background tasks whose worker died back in the queue (FLT-9).

The database task queue marks a task "running" when a worker takes it and never looks at it
again, so a worker killed mid-task (out of memory, a restart, a power cut) would leave the task
running for ever: the e-mail never sent, the report never built. This command finds tasks that
have been running for longer than any task here takes (--older-than, in minutes) and makes them
ready again, so the next worker runs them. Every task here is safe to run twice: e-mails keep
their Message-ID, and scheduled reports are sent once per period.

Run it when the worker starts (ExecStartPre in copro-worker.service) and with the daily jobs.
"""

import datetime
import logging

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

log = logging.getLogger("copro.tasks")


class Command(BaseCommand):
    help = "Put tasks left running by a worker that died back in the queue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=float,
            default=15,
            help="Minutes a task must have been running to count as abandoned (default 15).",
        )

    def handle(self, *args, older_than: float, **options):
        cutoff = timezone.now() - datetime.timedelta(minutes=max(0.0, older_than))
        with transaction.atomic():
            stuck = list(
                DBTaskResult.objects.select_for_update()
                .filter(status=TaskResultStatus.RUNNING, started_at__lte=cutoff)
                .values_list("id", "task_path")
            )
            DBTaskResult.objects.filter(id__in=[pk for pk, _ in stuck]).update(
                status=TaskResultStatus.READY, started_at=None
            )
        for pk, path in stuck:
            log.warning(
                "task requeued", extra={"event": "task_requeued", "task": path, "task_id": str(pk)}
            )
        self.stdout.write(f"{len(stuck)} abandoned task{'s' if len(stuck) != 1 else ''} requeued.")
