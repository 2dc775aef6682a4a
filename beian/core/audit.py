"""Append to and verify the tamper-evident audit log (SPEC §8).

Each entry stores the hash of the previous one, so editing or deleting any row breaks the chain
from there on; `manage.py verify_audit_chain` finds the first broken entry. Appends lock the single
chain-head row so concurrent writers (several web processes and workers) cannot fork the chain.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from beian.core.models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64


def _canonical_details(details: dict | None) -> dict:
    # A JSON round trip gives the form the database will return (tuples → lists, dates → text).
    return json.loads(json.dumps(details or {}, cls=DjangoJSONEncoder))


def entry_hash(entry: AuditEntry) -> str:
    payload = {
        "previous_hash": entry.previous_hash,
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


def record(*, actor, action: str, target=None, client_address: str | None = None,
           details: dict | None = None) -> AuditEntry:
    """Append one entry. Call inside the transaction of the action it reports."""
    with transaction.atomic():
        AuditChainHead.objects.get_or_create(id=1, defaults={"last_hash": GENESIS_HASH})
        head = AuditChainHead.objects.select_for_update().get(id=1)
        entry = AuditEntry(
            created_at=timezone.now(),
            actor=actor if actor is not None and actor.pk else None,
            actor_label=actor.get_username() if actor is not None and actor.pk else "",
            action=action,
            object_type=target._meta.label_lower if target is not None else "",
            object_id=str(target.pk) if target is not None else "",
            client_address=client_address,
            details=_canonical_details(details),
            previous_hash=head.last_hash,
        )
        entry.entry_hash = entry_hash(entry)
        entry.save()
        head.last_hash = entry.entry_hash
        head.save(update_fields=["last_hash"])
    return entry


@dataclass(frozen=True)
class ChainReport:
    entries_checked: int
    first_broken_id: int | None

    @property
    def intact(self) -> bool:
        return self.first_broken_id is None


def verify_chain() -> ChainReport:
    expected_previous = GENESIS_HASH
    checked = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        if entry.previous_hash != expected_previous or entry_hash(entry) != entry.entry_hash:
            return ChainReport(checked, entry.id)
        expected_previous = entry.entry_hash
        checked += 1
    head = AuditChainHead.objects.filter(id=1).first()
    if head is not None and head.last_hash != expected_previous:
        # The newest entries were deleted: the head remembers a hash no entry has any more.
        return ChainReport(checked, -1)
    return ChainReport(checked, None)
