"""The chain head, exported where the database cannot rewrite it (ADR 0097).

Every AUDIT_HEAD_EXPORT_SECONDS a task appends one line to AUDIT_HEAD_LOG_PATH and writes the same
line to the log (logger "beian.audit"): the newest entry's id, how many entries there are up to it,
its code, and an HMAC of all that under the audit key. Someone who can rewrite the database can cut
off the newest entries (and, as the table's owner, lift the append-only triggers), but cannot make
the chain agree with a head exported earlier; `verify_audit_chain` compares each exported head with
the chain. The line is only as safe as the place it goes to: in production, ship the log to a
collector the database administrators cannot write to, or keep the file on append-only storage.
"""

import datetime
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from beian.core import audit_keys
from beian.core.models import AuditEntry, AuditHeadExport
from beian.core.periodic import claim_next_run
from beian.core.tasks import export_audit_head_periodically

logger = logging.getLogger("beian.audit")
HEAD_FIELDS = ("at", "entries", "last_id", "head", "key_id")


def head_log_path(path=None) -> Path:
    return Path(path or settings.AUDIT_HEAD_LOG_PATH)


@dataclass
class ExportedHeads:
    heads: dict = field(default_factory=dict)  # last_id → (entries up to it, its code)
    problem_line: int | None = None  # the first line that is not a genuine signed head


def read_exported_heads(path=None) -> ExportedHeads:
    path = head_log_path(path)
    result = ExportedHeads()
    if not path.exists():
        return result
    keys = audit_keys.verification_keys()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                fields = {name: data[name] for name in HEAD_FIELDS}
                key = keys.get(fields["key_id"])
                genuine = key is not None and audit_keys.same(audit_keys.head_mac(fields, key), data["mac"])
                last_id, exported = int(fields["last_id"]), (int(fields["entries"]), str(fields["head"]))
            except (ValueError, KeyError, TypeError, AttributeError):
                genuine = False
            if not genuine or result.heads.get(last_id, exported) != exported:
                result.problem_line = number
                return result
            result.heads[last_id] = exported
    return result


def _append_line(path: Path, line: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, (line + "\n").encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def export_head(*, now: datetime.datetime | None = None) -> dict | None:
    """Write the signed head line when the chain has grown since the last export; returns its fields,
    or None when there was nothing new (so running it twice writes one line)."""
    newest = AuditEntry.objects.order_by("-id").values("id", "entry_hash").first()
    if newest is None:
        return None
    now = now or timezone.now()
    with transaction.atomic():
        AuditHeadExport.objects.get_or_create(pk=1)
        state = AuditHeadExport.objects.select_for_update().get(pk=1)
        if state.last_exported_id == newest["id"]:
            return None
        key_id, key = audit_keys.signing_key()
        fields = {"at": now.astimezone(datetime.UTC).isoformat(), "last_id": newest["id"],
                  "entries": AuditEntry.objects.filter(id__lte=newest["id"]).count(),
                  "head": newest["entry_hash"], "key_id": key_id}
        line = json.dumps({**fields, "mac": audit_keys.head_mac(fields, key)}, sort_keys=True)
        _append_line(head_log_path(), line)
        logger.info("audit chain head %s", line)
        state.last_exported_id = newest["id"]
        state.save(update_fields=["last_exported_id"])
    return fields


def schedule_exports(*, now: datetime.datetime | None = None) -> bool:
    """Keep exactly one periodic export chain (beian.core.periodic):
    whoever claims the due slot enqueues the next run. False where the backend cannot delay tasks
    (there `manage.py export_audit_head`, run by cron, does the work)."""
    return claim_next_run(task=export_audit_head_periodically, schedule_model=AuditHeadExport,
                          interval=datetime.timedelta(seconds=settings.AUDIT_HEAD_EXPORT_SECONDS), now=now)
