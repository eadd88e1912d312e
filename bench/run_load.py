"""Load test against gunicorn + PostgreSQL on loopback (LOAD-1, LOAD-2, LOAD-3, LOAD-5).

    python bench/run_load.py [--scale 10] [--full] [--workers 5] [--keep]

1. Makes a fresh PostgreSQL database (`copro_bench` on PG_URL's server), migrates, collects the
   static files, loads `copro demo` and `copro generate_data --scale N`.
2. Starts gunicorn (gunicorn.conf.py; WEB_CONCURRENCY workers) bound to 127.0.0.1 only, with
   production settings except plain HTTP (DEBUG=0, SECURE_COOKIES=0, SECURE_SSL_REDIRECT=0).
3. Runs Locust headless (bench/locustfile.py), bounded in time: light load, the target load
   (50 users at one journey step a second each), steps up to find the knee, then a quiet
   recovery stage. Short by default (about 2.5 minutes); --full holds the target 10 minutes.
4. Checks every acknowledged write is in the database exactly once, and `ledger-check`.
5. Writes docs/benchmarks/<date>-<HHMM>-scale<N>.md (and .json, the baseline the next run compares
   with: more than 20% worse is flagged). Exits 1 if a target is missed.

docs/benchmarks/README.md explains each column. Not part of `make test`.
"""

# ruff: noqa: S603 - every command run here is a fixed path inside this repository

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import json
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from load_report import analyse, baseline_flags, markdown, verdicts

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
TARGET_USERS = 50


def stages(full: bool, smoke: bool = False) -> list[list]:
    if smoke:  # a few seconds per stage: checks the harness works, measures nothing
        return [["light", 2, 8], ["target", 10, 10], ["step 20", 20, 8], ["recovery", 2, 5]]
    if full:
        return [
            ["light", 5, 60],
            ["target", TARGET_USERS, 600],
            ["step 75", 75, 60],
            ["step 100", 100, 60],
            ["step 150", 150, 60],
            ["step 200", 200, 60],
            ["recovery", 5, 60],
        ]
    return [
        ["light", 5, 25],
        ["target", TARGET_USERS, 45],
        ["step 75", 75, 20],
        ["step 100", 100, 20],
        ["step 150", 150, 20],
        ["recovery", 5, 30],
    ]


# --- Setting up ------------------------------------------------------------------------------


def bench_env(db_url: str, var_dir: Path, workers: int) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url,
        COPRO_VAR_DIR=str(var_dir),
        MEDIA_ROOT=str(var_dir / "media"),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="http://127.0.0.1",
        SECURE_COOKIES="0",  # plain HTTP on loopback: the only change from production
        SECURE_SSL_REDIRECT="0",
        ALLOW_DEMO_DATA="1",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        WEB_CONCURRENCY=str(workers),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def database_url(name: str) -> str:
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def recreate_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def copro(env: dict, *args: str) -> None:
    print("  copro", " ".join(args), flush=True)
    subprocess.run(
        [str(VENV / "copro"), *args], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )


def django_setup(env: dict) -> None:
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "copro.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def journey_data(path: Path) -> None:
    """Who the simulated people are, and which ids they use (read from the bench database)."""
    from copro.framework import selectors as framework
    from copro.ops import synthetic
    from copro.people.models import User
    from copro.projects.models import Membership, Project

    generated = User.objects.filter(email__endswith=f"@{synthetic.DOMAIN}")
    projects: dict[int, list[int]] = {}
    for user_id, project_id in Membership.objects.filter(
        user__in=generated, left_on__isnull=True
    ).values_list("user_id", "project_id"):
        projects.setdefault(user_id, []).append(project_id)
    citizens = generated.filter(role="citizen").order_by("pk")
    staff = generated.filter(role="staff").order_by("pk").prefetch_related("totpdevice_set")
    data = {
        "password": synthetic.password(),
        "citizens": [{"email": u.email, "projects": projects.get(u.pk, [])} for u in citizens],
        "citizen_ids": list(citizens.values_list("pk", flat=True)),
        "staff": [
            {"email": u.email, "key": u.totpdevice_set.all()[0].key, "projects": projects[u.pk]}
            for u in staff
        ],
        "public_projects": list(
            Project.objects.filter(visibility="public").values_list("pk", flat=True)
        ),
        "learn_pages": [page.slug for page in framework.learn_pages() if getattr(page, "slug", "")],
    }
    path.write_text(json.dumps(data))
    path.chmod(0o600)


# --- Running ---------------------------------------------------------------------------------


def wait_until_up(url: str, seconds: int = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - http://127.0.0.1
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer {url} within {seconds} s")


def children_rss_mb(pid: int) -> float:
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid or int(stat.parent.name) == pid:
                total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e6


class Sampler(threading.Thread):
    """Every 5 s: the app's PostgreSQL connections, gunicorns' memory, the load average."""

    def __init__(self, db_name: str, gunicorn_pids: list[int]):
        super().__init__(daemon=True)
        self.db_name, self.pids = db_name, gunicorn_pids
        self.samples: list[dict] = []
        self.done = threading.Event()

    def run(self) -> None:
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as conn:
            while not self.done.wait(5):
                row = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [self.db_name]
                ).fetchone()
                self.samples.append(
                    {
                        "at": time.time(),
                        "connections": row[0],
                        "rss_mb": sum(children_rss_mb(pid) for pid in self.pids),
                        "load": os.getloadavg()[0],
                    }
                )


def run_locust(env: dict, plan: list[list], work: Path, host: str) -> dict:
    out = work / "results.json"
    total = sum(seconds for _, _, seconds in plan)
    locust_env = dict(
        env, BENCH_DATA=str(work / "data.json"), BENCH_STAGES=json.dumps(plan), BENCH_OUT=str(out)
    )
    command = [
        str(VENV / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--host",
        host,
        "--run-time",
        f"{total + 30}s",
        "--stop-timeout",
        "10",
        "--csv",
        str(work / "locust"),
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    print(
        f"  locust for {total} s: " + ", ".join(f"{label} {u} users {s} s" for label, u, s in plan)
    )
    subprocess.run(
        command,
        env=locust_env,
        cwd=ROOT,
        check=False,
        stdout=(work / "locust.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    return json.loads(out.read_text())


REDIS_BENCH_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")


def flush_redis(url: str) -> str:
    import redis

    redis.Redis.from_url(url).flushdb()
    return url


def wrk_rps(host: str, connections: int, seconds: int) -> float:
    """Requests a second wrk gets from the hello-world view (/healthz) at this concurrency."""
    done = subprocess.run(
        [shutil.which("wrk") or "wrk", "-t2", f"-c{connections}", f"-d{seconds}s"]
        + ["--timeout", "10s", host + "/healthz"],
        capture_output=True,
        text=True,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("Requests/sec:"):
            return float(line.split()[1])
    return 0.0


def hello_ceiling(hosts: list[str], smoke: bool = False) -> dict:
    """The stack's ceiling on this machine, in the same run: the hello-world view alone, with
    more and more connections until requests a second stop growing. With several servers, each
    is asked at once and the rates are added. Needs wrk (Debian's package; make bench installs
    it)."""
    if shutil.which("wrk") is None:
        print("  wrk is not installed: the hello-world ceiling is not measured")
        return {"rps": None, "steps": []}
    steps = []
    seconds = 2 if smoke else 8
    for connections in (4, 8, 16) if smoke else (4, 8, 16, 32, 64):
        with concurrent.futures.ThreadPoolExecutor(len(hosts)) as pool:
            jobs = [pool.submit(wrk_rps, host, connections, seconds) for host in hosts]
            rates = [job.result() for job in jobs]
        steps.append({"connections": connections * len(hosts), "rps": round(sum(rates), 1)})
        print(f"  hello-world with {connections * len(hosts)} connections: {sum(rates):.0f}/s")
    return {"rps": max(step["rps"] for step in steps), "steps": steps}


# --- Checking the writes (LOAD-5) ------------------------------------------------------------


def check_writes(results: dict) -> dict:
    from django.db.models import Count

    from copro.projects.models import Contribution
    from copro.reciprocity.models import Transaction
    from copro.reciprocity.reconciliation import ledger_check

    acked = results["writes"]
    kinds = {"spend": "spend", "issue": "issue"}
    missing, duplicated = [], []
    keys = [w["key"] for w in acked if w["kind"] in kinds]
    found = dict(
        Transaction.objects.filter(idempotency_key__in=keys)
        .annotate(lines=Count("entries"))
        .values_list("idempotency_key", "lines")
    )
    for write in acked:
        if write["kind"] in kinds:
            if write["key"] not in found or found[write["key"]] != 2:
                missing.append(write)
        else:
            n = Contribution.objects.filter(text=write["key"]).count()
            if n == 0:
                missing.append(write)
            elif n > 1:
                duplicated.append(write)
    if len(set(keys)) != len(keys):
        duplicated.append({"kind": "key", "key": "the same key acknowledged twice"})
    report = ledger_check()
    return {
        "acknowledged": len(acked),
        "by_kind": {k: sum(1 for w in acked if w["kind"] == k) for k in ("spend", "issue", "idea")},
        "missing": missing,
        "duplicated": duplicated,
        "unacknowledged_attempts": len(results["attempts"]),
        "ledger_clean": report.clean,
        "ledger_transactions": report.transactions,
    }


# --- The report --------------------------------------------------------------------------------


def machine(env: dict) -> dict:
    import django
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
        cursor.execute("SHOW max_connections")
        max_connections = cursor.fetchone()[0]
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    gunicorn = subprocess.run([str(VENV / "gunicorn"), "--version"], capture_output=True, text=True)
    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": pg,
        "max_connections": max_connections,
        "gunicorn": gunicorn.stdout.strip() or gunicorn.stderr.strip(),
        "workers": int(env["WEB_CONCURRENCY"]),
        "load_before": os.getloadavg()[0],
    }


def data_counts() -> str:
    from copro.meetings.models import Attendance, Meeting
    from copro.people.models import User
    from copro.projects.models import Project
    from copro.reciprocity.models import Entry

    return (
        f"{User.objects.count():,} people, {Project.objects.count():,} projects, "
        f"{Meeting.objects.count():,} meetings, {Attendance.objects.count():,} attendances, "
        f"{Entry.objects.count():,} ledger entries"
    )


# --- Main --------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--full", action="store_true", help="hold the target for 10 minutes")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 5)))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", default="copro_bench")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--smoke", action="store_true", help="a harness check in seconds")
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks"))
    parser.add_argument("--note", default=os.environ.get("BENCH_NOTE", ""))
    parser.add_argument(
        "--servers", type=int, default=1, help="app servers sharing PostgreSQL and Redis"
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="copro-bench-"))
    env = bench_env(database_url(args.db), work / "var", args.workers)
    if args.servers > 1:
        # Several servers share one cache, as on a real service with REDIS_URL.
        env["REDIS_URL"] = flush_redis(REDIS_BENCH_URL)
    mode = "full" if args.full else "short"
    mode += f", {args.servers} app servers" if args.servers > 1 else ""
    print(f"== Load test at scale {args.scale} ({mode}); work in {work}")
    recreate_database(args.db)
    copro(env, "migrate", "--no-input")
    copro(env, "collectstatic", "--no-input")
    started = time.monotonic()
    copro(env, "generate_data", "--scale", str(args.scale))
    generate_seconds = time.monotonic() - started
    django_setup(env)
    journey_data(work / "data.json")
    meta = {"machine": machine(env), "data_counts": data_counts()}

    hosts = [f"http://127.0.0.1:{args.port + n}" for n in range(args.servers)]
    log = (work / "gunicorn.log").open("w")
    servers = [
        subprocess.Popen(
            [str(VENV / "gunicorn"), "--bind", host.removeprefix("http://")],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        for host in hosts
    ]
    sampler = None
    try:
        for host in hosts:
            wait_until_up(host + "/healthz")
        meta["ceiling"] = hello_ceiling(hosts, smoke=args.smoke)
        sampler = Sampler(args.db, [server.pid for server in servers])
        sampler.start()
        plan = stages(args.full, args.smoke)
        results = run_locust(dict(env, BENCH_HOSTS=",".join(hosts)), plan, work, hosts[0])
    finally:
        if sampler:
            sampler.done.set()
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            server.wait(timeout=60)
    summary = analyse(results)
    writes = check_writes(results)
    date = datetime.date.today().isoformat()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # The date and time (UTC) of the run: several runs on one day each keep their report.
    stem = f"{date}-{time.strftime('%H%M', time.gmtime())}-scale{args.scale}"
    stem += "-full" if args.full else ""
    stem += f"-{args.servers}servers" if args.servers > 1 else ""
    previous = sorted(
        p
        for p in out.glob(f"*-scale{args.scale}{stem.split(f'scale{args.scale}')[1]}.json")
        if p.stem != stem
    )
    flags = baseline_flags(summary, json.loads(previous[-1].read_text()) if previous else None)
    meta.update(
        date=date,
        scale=args.scale,
        mode="full: target held 10 minutes" if args.full else "short",
        note=(args.note + " " if args.note else "")
        + f"Generating the data took {generate_seconds:.0f} s.",
        verdicts=verdicts(summary, writes),
    )
    (out / f"{stem}.md").write_text(markdown(meta, summary, writes, sampler.samples, flags))
    baseline = {
        "stages": summary["stages"],
        "knee": summary["knee"],
        "machine": meta["machine"],
        "ceiling": meta["ceiling"],
    }
    (out / f"{stem}.json").write_text(json.dumps(baseline, indent=1))
    print((out / f"{stem}.md").read_text())
    print(f"Written to {out / (stem + '.md')}; logs in {work}")
    if not args.keep:
        from django.db import connections

        connections.close_all()
        drop_database(args.db)
    return 0 if all(ok for _, _, ok in meta["verdicts"]) else 1


if __name__ == "__main__":
    sys.exit(main())
