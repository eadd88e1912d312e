"""Database triggers that keep the ledger honest even when someone bypasses the services.

This is the one clearly marked place with database-specific SQL (DESIGN.md, TESTING.md
decision 8):

- On both databases, UPDATE and DELETE of transactions, entries and money-audit rows are
  refused (LED-2, LOG-5).
- On PostgreSQL, a deferred constraint trigger checks at COMMIT that every transaction has at
  least two entries and that they sum to zero (LED-1). SQLite has no deferred triggers: there
  the services keep the rule and `copro ledger-check` reports any break of it.

The migration that installs these calls `install(schema_editor)`; tests that must tamper with a
row on purpose (LED-14) call `remove()` inside their own transaction, which rolls it back.
The SQL is frozen once released: change it in a new migration with new constant names.
"""

APPEND_ONLY_TABLES = ("reciprocity_transaction", "reciprocity_entry", "reciprocity_moneyaudit")
MESSAGE = "The ledger is append-only: make a reversing transaction instead"


def _sqlite_install() -> list[str]:
    statements = []
    for table in APPEND_ONLY_TABLES:
        for operation in ("UPDATE", "DELETE"):
            statements.append(
                f"CREATE TRIGGER {table}_no_{operation.lower()} BEFORE {operation} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE} ({operation} on {table})'); END;"
            )
    return statements


def _sqlite_remove() -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_{operation}"
        for table in APPEND_ONLY_TABLES
        for operation in ("update", "delete")
    ]


PG_FUNCTIONS = [
    f"""
    CREATE OR REPLACE FUNCTION reciprocity_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE} (% on %)', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END;
    $$;
    """,
    """
    CREATE OR REPLACE FUNCTION reciprocity_check_balanced() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        tid bigint;
        total numeric;
        lines integer;
    BEGIN
        IF TG_TABLE_NAME = 'reciprocity_entry' THEN
            tid := NEW.transaction_id;
        ELSE
            tid := NEW.id;
        END IF;
        SELECT coalesce(sum(amount), 0), count(*) INTO total, lines
            FROM reciprocity_entry WHERE transaction_id = tid;
        IF total <> 0 OR lines < 2 THEN
            RAISE EXCEPTION
                'Ledger transaction % does not balance: % entries summing to %', tid, lines, total
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NULL;
    END;
    $$;
    """,
]


def _pg_install() -> list[str]:
    statements = list(PG_FUNCTIONS)
    for table in APPEND_ONLY_TABLES:
        statements.append(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION reciprocity_refuse_change();"
        )
    for table in ("reciprocity_entry", "reciprocity_transaction"):
        statements.append(
            f"CREATE CONSTRAINT TRIGGER {table}_balanced AFTER INSERT ON {table} "
            "DEFERRABLE INITIALLY DEFERRED "
            "FOR EACH ROW EXECUTE FUNCTION reciprocity_check_balanced();"
        )
    return statements


def _pg_remove() -> list[str]:
    statements = [
        f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};" for table in APPEND_ONLY_TABLES
    ]
    statements += [
        f"DROP TRIGGER IF EXISTS {table}_balanced ON {table};"
        for table in ("reciprocity_entry", "reciprocity_transaction")
    ]
    return statements


def statements(vendor: str, *, remove: bool = False) -> list[str]:
    if vendor == "postgresql":
        return _pg_remove() if remove else _pg_install()
    if vendor == "sqlite":
        return _sqlite_remove() if remove else _sqlite_install()
    return []  # another database: the services and ledger-check still hold the rules


def install(schema_editor) -> None:
    for sql in statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)


def uninstall(schema_editor) -> None:
    for sql in statements(schema_editor.connection.vendor, remove=True):
        schema_editor.execute(sql, params=None)


def remove(connection) -> None:
    """Drop the triggers on `connection` (tests only; inside a transaction that rolls back)."""
    with connection.cursor() as cursor:
        for sql in statements(connection.vendor, remove=True):
            cursor.execute(sql)


def restore(connection) -> None:
    with connection.cursor() as cursor:
        for sql in statements(connection.vendor):
            cursor.execute(sql)
