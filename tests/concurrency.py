"""Running jobs at the same moment in threads, for the CONC tests (PostgreSQL only: SQLite
serialises writers, so there the single-threaded form of each test stands in)."""

import threading

import pytest
from django.db import connection


def skip_on_sqlite() -> None:
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the concurrent case runs on PostgreSQL")


def run_together(jobs) -> list[Exception]:
    """Start every job at once (a barrier), each in its own thread and database connection;
    return the errors they raised."""
    errors: list[Exception] = []
    start = threading.Barrier(len(jobs))

    def run(job):
        try:
            start.wait()
            job()
        except Exception as error:  # collected for the test to assert on
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
