"""The record by number as one statement compiled once per database connection (ADR 0080, addendum 2).

A badge click that misses the cache reads one filed website with its sponsor, sponsor type and agency.
Executing that join takes a fraction of a millisecond; compiling it through the ORM takes longer, and
on PostgreSQL planning it takes longer again. So the ORM compiles the query once per connection (the
same `values_list` the lookup uses, with the number as its only parameter), and each read runs the SQL:

- on PostgreSQL as a server-side prepared statement, planned once per connection (Django keeps
  psycopg's automatic preparation off for the sake of connection poolers; this one statement asks for
  it explicitly, and PUBLIC_RECORD_PREPARED=False turns it off behind a pooler that cannot hold them);
- on SQLite through the sqlite3 module's own statement cache.

The statement goes through Django's cursor wrapper, so query logging and execute wrappers see it, and
the row through the converters the ORM itself would apply (aware datetimes, decoded JSON)."""

from __future__ import annotations

import functools
import weakref

from django.conf import settings
from django.db import connections

# {connection: {build_queryset: _Compiled}} — a connection belongs to one thread, and so do its entries.
_compiled_by_connection: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class _Compiled:
    def __init__(self, queryset, alias: str):
        compiler = queryset.query.get_compiler(using=alias)
        self.sql, params = compiler.as_sql()
        if len(params) != 1:
            raise ValueError("the record query must have the record number as its only parameter")
        self.compiler = compiler
        selected = [column[0] for column in compiler.select[:compiler.col_count]]
        self.converters = compiler.get_converters(selected)

    def convert(self, row: tuple) -> tuple:
        if not self.converters:
            return row
        return next(iter(self.compiler.apply_converters([row], self.converters)))


@functools.cache
def _preparing_cursor_class():
    from django.db.backends.postgresql.base import ServerBindingCursor  # only with psycopg installed

    class PreparingCursor(ServerBindingCursor):
        def execute(self, query, params=None, *, prepare=None, binary=None):
            return super().execute(query, params, prepare=True, binary=binary)

    return PreparingCursor


# Django opens connections with psycopg's prepare_threshold=None, which turns preparation off even
# for prepare=True. A threshold no query reaches keeps automatic preparation off (Django's own cursors
# bind on the client and never prepare anyway) and lets this statement ask for it.
_ONLY_WHEN_ASKED = 2**31


def _preparing_cursor(connection):
    """A Django cursor whose statements PostgreSQL prepares (server-side binding, prepare=True)."""
    connection.ensure_connection()
    if connection.connection.prepare_threshold is None:
        connection.connection.prepare_threshold = _ONLY_WHEN_ASKED
    connection.validate_thread_sharing()  # what connection.cursor() checks too
    raw = _preparing_cursor_class()(connection.connection)
    return connection.make_debug_cursor(raw) if connection.queries_logged else connection.make_cursor(raw)


def _cursor(connection):
    if connection.vendor == "postgresql" and settings.PUBLIC_RECORD_PREPARED:
        return _preparing_cursor(connection)
    return connection.cursor()


def fetch_one(alias: str, build_queryset, value) -> tuple | None:
    """The first row of `build_queryset()` (a values_list filtered by one value) for `value`."""
    connection = connections[alias]
    compiled_here = _compiled_by_connection.setdefault(connection, {})
    compiled = compiled_here.get(build_queryset)
    if compiled is None:
        compiled = compiled_here[build_queryset] = _Compiled(build_queryset(), alias)
    with _cursor(connection) as cursor:
        cursor.execute(compiled.sql, (value,))
        row = cursor.fetchone()
    return None if row is None else compiled.convert(row)
