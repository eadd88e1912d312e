"""Time the organisation dashboard and one project report against the data in the database.

    python bench/bench_reports.py [--runs N] [--project PK] [--limit-ms MS]

Run it after `copro generate_data --scale 100` (with the same settings and DATABASE_URL as the
site). It signs in a throwaway administrator through Django's test client, inside a transaction
that is rolled back at the end, so the database is left as it was. For each page it prints the
first (cold) request, then the median and 95th percentile of N warm requests in milliseconds,
and the number of SQL queries per request. Exits with status 1 if a median is over the limit
(500 ms by default).

The project report is the project with the most meetings, unless --project says which.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "copro.settings")

import django  # noqa: E402 - after the path is set

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from copro.people.models import User  # noqa: E402
from copro.projects.models import Project  # noqa: E402


class Rollback(Exception):
    """Raised to leave the transaction: nothing the benchmark wrote is kept."""


def _client(user: User) -> Client:
    client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip("."))
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _time(client: Client, url: str, runs: int) -> tuple[float, list[float], int]:
    def once() -> tuple[float, int]:
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url, secure=True)
            elapsed = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        return elapsed, len(queries.captured_queries)

    cold, queries = once()
    warm = [once()[0] for _ in range(runs)]
    return cold, warm, queries


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--project", type=int, default=None)
    parser.add_argument("--limit-ms", type=float, default=500.0)
    args = parser.parse_args()

    projects = Project.objects.count()
    if not projects:
        raise SystemExit("No projects in the database: run `copro demo` or `copro generate_data`.")
    project_pk = (
        args.project
        or (
            Project.objects.annotate(n=Count("meetings"))
            .order_by("-n", "pk")
            .values_list("pk", flat=True)[0]
        )
    )
    print(f"Database: {connection.vendor}, {projects} projects; {args.runs} warm runs each.")
    over = False
    try:
        with transaction.atomic():
            admin = User.objects.create_user(
                email="bench.reports@example.invalid",
                display_name="Benchmark",
                role=User.Role.ADMINISTRATOR,
            )
            client = _client(admin)
            pages = [
                ("Organisation dashboard", reverse("reports:dashboard")),
                ("Dashboard CSV", reverse("reports:dashboard_csv")),
                (f"Project report ({project_pk})", reverse("reports:project", args=[project_pk])),
            ]
            for name, url in pages:
                cold, warm, queries = _time(client, url, args.runs)
                median = statistics.median(warm)
                over = over or median > args.limit_ms
                print(
                    f"{name:32} cold {cold:7.1f} ms   median {median:7.1f} ms   "
                    f"p95 {_p95(warm):7.1f} ms   {queries} queries"
                )
            raise Rollback
    except Rollback:
        pass
    if over:
        print(f"A median is over {args.limit_ms:.0f} ms.")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
