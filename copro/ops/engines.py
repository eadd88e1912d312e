"""Copying the database out and back in, one pair of functions per database engine.

SQLite: Python's sqlite3 online backup API, which copies a consistent snapshot while the service
keeps running. PostgreSQL: pg_dump in its custom format, taken inside an exported snapshot so that
the row counts in the manifest describe exactly what the dump holds; pg_restore puts it back in
one transaction, so a failed restore changes nothing. The password goes to the PostgreSQL tools
through the PGPASSWORD environment variable, never on their command line.
"""

import os
import shutil
import sqlite3
import subprocess  # noqa: S404  (runs pg_dump and pg_restore, with fixed arguments)
from collections.abc import Iterable
from pathlib import Path

from django.apps import apps
from django.db.backends.base.base import BaseDatabaseWrapper

DUMP_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}

# Connection options that the PostgreSQL tools read from the environment.
_PG_OPTION_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why in plain words."""


def counted_tables() -> list[tuple[str, str]]:
    """(model label, table) for every table the project's models keep rows in."""
    seen: dict[str, str] = {}
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.managed and not opts.proxy and not opts.swapped:
            seen.setdefault(opts.db_table, opts.label_lower)
    return sorted((label, table) for table, label in seen.items())


def count_rows(cursor, present: Iterable[str], quote) -> dict[str, int]:
    """Rows per model, for the models whose table exists in the database `cursor` reads."""
    present = set(present)
    counts = {}
    for label, table in counted_tables():
        if table in present:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608  (a model's table)
            counts[label] = cursor.fetchone()[0]
    return counts


def dump(connection: BaseDatabaseWrapper, target: Path) -> dict[str, int]:
    """Write the database to `target`; return the rows per model that the copy holds."""
    if connection.vendor == "sqlite":
        return _sqlite_dump(connection, target)
    if connection.vendor == "postgresql":
        return _postgres_dump(connection, target)
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def load(connection: BaseDatabaseWrapper, source: Path) -> None:
    """Replace the database's contents with the copy in `source`."""
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a database transaction.")
    if connection.vendor == "sqlite":
        _sqlite_load(connection, source)
    elif connection.vendor == "postgresql":
        _postgres_load(connection, source)
    else:
        raise BackupError(f"Restoring {connection.vendor} databases is not supported.")


# --- SQLite -----------------------------------------------------------------------------------


def _sqlite_dump(connection: BaseDatabaseWrapper, target: Path) -> dict[str, int]:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        # A single self-contained file: no -wal or -shm beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        cursor = copy.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        present = [row[0] for row in cursor.fetchall()]
        return count_rows(cursor, present, connection.ops.quote_name)
    finally:
        copy.close()


def _sqlite_load(connection: BaseDatabaseWrapper, source: Path) -> None:
    connection.ensure_connection()
    copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        copy.backup(connection.connection)
    finally:
        copy.close()


# --- PostgreSQL -------------------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed. Install the PostgreSQL client tools.")
    return path


def _pg_connection_args(settings_dict: dict) -> tuple[list[str], dict[str, str]]:
    """Command-line arguments and environment for the PostgreSQL tools; no password in args."""
    args = ["--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    args += ["--dbname", settings_dict["NAME"]]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    for option, variable in _PG_OPTION_ENV.items():
        if settings_dict.get("OPTIONS", {}).get(option):
            env[variable] = str(settings_dict["OPTIONS"][option])
    return args, env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.strip() or 'no message'}")


def _postgres_dump(connection: BaseDatabaseWrapper, target: Path) -> dict[str, int]:
    pg_dump = _pg_tool("pg_dump")
    args, env = _pg_connection_args(connection.settings_dict)
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            present = [row[0] for row in cursor.fetchall()]
            counts = count_rows(cursor, present, connection.ops.quote_name)
            command = [pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={target}"]
            _run(command + args, env, "pg_dump")
        raw.rollback()
    finally:
        raw.close()
    return counts


def _postgres_load(connection: BaseDatabaseWrapper, source: Path) -> None:
    pg_restore = _pg_tool("pg_restore")
    args, env = _pg_connection_args(connection.settings_dict)
    connection.close()  # hold no locks on the tables pg_restore drops
    command = [
        pg_restore,
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",  # all or nothing: a failed restore leaves the database as it was
        *args,
        str(source),
    ]
    _run(command, env, "pg_restore")
