"""What someone with write access to the database (but without the audit key) can do to the log:
switch the append-only triggers off as the table's owner, rewrite rows, and recompute hashes."""

import contextlib
import datetime
import hashlib
import json

from django.db import connection

from beian.core.models import AuditChainHead, AuditEntry


@contextlib.contextmanager
def triggers_disabled():
    """As a database superuser or the table's owner would: PostgreSQL stops firing the triggers for
    this transaction (replication mode); SQLite drops them and creates them again. Either way the
    test's rollback would restore them too."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = 'replica'")
            try:
                yield
            finally:
                cursor.execute("SET LOCAL session_replication_role = 'origin'")
            return
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                       ["core_auditentry"])
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        try:
            yield
        finally:
            for _name, sql in triggers:
                cursor.execute(sql)


def plain_sha256(entry: AuditEntry, previous_hash: str) -> str:
    """The hash of an entry as an attacker computes it: the published scheme, no secret."""
    payload = {
        "previous_hash": previous_hash,
        "created_at": entry.created_at.astimezone(datetime.UTC).isoformat(),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "client_address": entry.client_address,
        "details": entry.details,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rewrite_and_recompute(victim_pk: int, *, as_unkeyed: bool = False, **changes) -> None:
    """Change one entry, then recompute its hash and every later one and the chain head, as the
    attacker of issue 14 did; `as_unkeyed` also passes the rewritten entries off as written before
    the log was keyed (an empty key id)."""
    with triggers_disabled():
        AuditEntry.objects.filter(pk=victim_pk).update(**changes)
        if as_unkeyed:
            AuditEntry.objects.filter(pk__gte=victim_pk).update(key_id="")
        previous = AuditEntry.objects.filter(pk__lt=victim_pk).order_by("-pk").values_list(
            "entry_hash", flat=True).first()
        previous = previous or "0" * 64
        for entry in AuditEntry.objects.filter(pk__gte=victim_pk).order_by("pk"):
            new_hash = plain_sha256(entry, previous)
            AuditEntry.objects.filter(pk=entry.pk).update(previous_hash=previous, entry_hash=new_hash)
            previous = new_hash
        AuditChainHead.objects.filter(pk=1).update(last_hash=previous)
