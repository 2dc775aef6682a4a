"""Django's flush, able to empty the append-only audit table on SQLite too (ADR 0097).

Flushing is the reset of the whole database (the test suite runs it after every transactional test),
not a change to the log. PostgreSQL flushes with TRUNCATE, which the row trigger does not see;
SQLite flushes with DELETE FROM, so its DELETE trigger is lifted for the reset and put back after.
"""

from django.core.management.commands.flush import Command as DjangoFlush
from django.db import DEFAULT_DB_ALIAS, connections

from beian.core import append_only


class Command(DjangoFlush):
    def handle(self, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        lifted = append_only.allow_sqlite_reset(connection)
        try:
            return super().handle(**options)
        finally:
            if lifted:
                append_only.restore_after_sqlite_reset(connection)
