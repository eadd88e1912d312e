"""A task for FLT-9: it says it has started (in a file, with its pid), then takes a while."""

import os
import time
from pathlib import Path

from django_tasks import task


@task()
def slow_task(*, marker: str, seconds: float) -> str:
    Path(marker).write_text(str(os.getpid()))
    time.sleep(seconds)
    Path(marker + ".done").write_text("done")
    return "finished"
