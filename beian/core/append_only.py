"""The audit table is append-only in the database itself (ADR 0097): triggers refuse UPDATE and DELETE
of its rows, whoever sends them — the application, a console, a careless script.

- PostgreSQL: one row trigger for UPDATE and DELETE. TRUNCATE fires no row trigger, so `manage.py
  flush` (the whole-database reset of the test suite) still works; the production application role is
  granted neither UPDATE, DELETE nor TRUNCATE on the table (README, "Database roles"), and only the
  table's owner can disable the trigger.
- SQLite has no roles and flush there is DELETE FROM, so the triggers guard against mistakes, not an
  owner: `beian.core.management.commands.flush` lifts the DELETE trigger for the reset only.

A later migration that makes SQLite rebuild the table (most AlterField/AddField on core_auditentry)
drops the triggers with the old table: it must call `install` again. tests/core/test_audit_attacks.py
fails if the triggers are missing.
"""

TABLE = "core_auditentry"
REFUSAL = "audit entries are append-only"

POSTGRESQL_INSTALL = [
    f"""CREATE OR REPLACE FUNCTION core_auditentry_refuse_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{REFUSAL}: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$""",
    f"DROP TRIGGER IF EXISTS core_auditentry_append_only ON {TABLE}",
    f"""CREATE TRIGGER core_auditentry_append_only BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION core_auditentry_refuse_change()""",
]
POSTGRESQL_REMOVE = [
    f"DROP TRIGGER IF EXISTS core_auditentry_append_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS core_auditentry_refuse_change()",
]

SQLITE_NO_UPDATE = (f"CREATE TRIGGER IF NOT EXISTS core_auditentry_no_update BEFORE UPDATE ON {TABLE} "
                    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}: UPDATE refused'); END")
SQLITE_NO_DELETE = (f"CREATE TRIGGER IF NOT EXISTS core_auditentry_no_delete BEFORE DELETE ON {TABLE} "
                    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}: DELETE refused'); END")
SQLITE_INSTALL = [SQLITE_NO_UPDATE, SQLITE_NO_DELETE]
SQLITE_REMOVE = ["DROP TRIGGER IF EXISTS core_auditentry_no_update",
                 "DROP TRIGGER IF EXISTS core_auditentry_no_delete"]


def _run(connection, statements) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection) -> None:
    if connection.vendor == "postgresql":
        _run(connection, POSTGRESQL_INSTALL)
    elif connection.vendor == "sqlite":
        _run(connection, SQLITE_INSTALL)


def remove(connection) -> None:
    if connection.vendor == "postgresql":
        _run(connection, POSTGRESQL_REMOVE)
    elif connection.vendor == "sqlite":
        _run(connection, SQLITE_REMOVE)


def allow_sqlite_reset(connection) -> bool:
    """Lift SQLite's DELETE trigger for a flush; True when there was one to put back."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = "
                       "'core_auditentry_no_delete'")
        present = cursor.fetchone() is not None
    if present:
        _run(connection, ["DROP TRIGGER core_auditentry_no_delete"])
    return present


def restore_after_sqlite_reset(connection) -> None:
    _run(connection, [SQLITE_NO_DELETE])
