"""Append to and verify the tamper-evident audit log (SPEC §8, ADR 0097).

Each entry carries the code of the previous one, and its own code is an HMAC-SHA256 under AUDIT_KEY
(beian.core.audit_keys), a key the database never holds: whoever can write to the database can
change a row, but cannot compute the codes that would make the change fit. The database refuses
UPDATE and DELETE on the table anyway (triggers, beian.core.append_only), and the chain head is
exported, signed, where the database cannot rewrite it (beian.core.audit_heads), so cutting off the
newest entries shows too. Appends lock the single chain-head row so concurrent writers (several web
processes and workers) cannot fork the chain.

Entries written before the switch to keyed codes (key_id empty) carry a plain SHA-256; the migration
that introduced the key appended one keyed "audit_chain_sealed" entry pinning their count and last
hash. They verify with the old scheme, and only as the beginning of the chain followed by that seal.
"""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from beian.core import audit_heads, audit_keys
from beian.core.audit_actions import AuditAction
from beian.core.models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64
SEAL_ACTION = AuditAction.AUDIT_CHAIN_SEALED.value


def _canonical_details(details: dict | None) -> dict:
    # A JSON round trip gives the form the database will return (tuples → lists, dates → text).
    return json.loads(json.dumps(details or {}, cls=DjangoJSONEncoder))


def _append(entry_model, head_model, **fields):
    """Append one keyed entry; the models are parameters so the sealing migration can use its own."""
    with transaction.atomic():
        head_model.objects.get_or_create(id=1, defaults={"last_hash": GENESIS_HASH})
        head = head_model.objects.select_for_update().get(id=1)
        key_id, key = audit_keys.signing_key()
        entry = entry_model(created_at=timezone.now(), previous_hash=head.last_hash, key_id=key_id, **fields)
        entry.entry_hash = audit_keys.entry_mac(entry, key)
        entry.save()
        head.last_hash = entry.entry_hash
        head.save(update_fields=["last_hash"])
    return entry


def declared(action: str) -> str:
    """The stored text of `action`, which AuditAction must declare (ADR 0108): an undeclared one is a
    programming error, refused before anything is written. The plain text, not the member, goes into
    the entry, so its code is computed over exactly the text the database returns."""
    if action not in AuditAction.values:
        raise ValueError(f"undeclared audit action {action!r}: declare it in "
                         "beian.core.audit_actions.AuditAction")
    return str(AuditAction(action).value)


def record(*, actor, action: AuditAction, target=None, client_address: str | None = None,
           details: dict | None = None) -> AuditEntry:
    """Append one entry. Call inside the transaction of the action it reports."""
    action = declared(action)
    acted = actor is not None and actor.pk
    return _append(
        AuditEntry, AuditChainHead,
        actor_id=actor.pk if acted else None,
        actor_label=actor.get_username() if acted else "",
        action=action,
        object_type=target._meta.label_lower if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        client_address=client_address,
        details=_canonical_details(details),
    )


def seal_unkeyed_entries(entry_model, head_model):
    """Pin the entries written with the unkeyed scheme under one keyed entry (run once, by the
    migration that introduced the key). Nothing to do on a new log or one already keyed."""
    if entry_model.objects.exclude(key_id="").exists():
        return None
    count = entry_model.objects.count()
    if not count:
        return None
    last_hash = entry_model.objects.order_by("-id").values_list("entry_hash", flat=True)[0]
    return _append(entry_model, head_model, actor_id=None, actor_label="", action=SEAL_ACTION,
                   object_type="", object_id="", client_address=None,
                   details={"unkeyed_entries": count, "unkeyed_head": last_hash})


@dataclass(frozen=True)
class ChainReport:
    """The outcome of a check. `first_broken_id` is the first entry that does not verify, or -1 when
    entries the chain head or an exported head remembers are missing at the end."""

    entries_checked: int
    first_broken_id: int | None
    problem: str = ""  # one of PROBLEMS
    detail: str = ""  # the unknown key id, or the line of the head log
    heads_checked: int = 0

    PROBLEMS = ("altered", "unknown_key", "unsealed", "newest_removed", "head_differs", "head_log")

    @property
    def intact(self) -> bool:
        return self.first_broken_id is None and not self.problem


class _Broken(Exception):
    def __init__(self, entry_id, problem, detail=""):
        super().__init__(problem)
        self.entry_id, self.problem, self.detail = entry_id, problem, detail


def _check_entry(entry, *, expected_previous: str, keys: dict, unkeyed_seen: int, keyed_seen: bool):
    if not audit_keys.same(entry.previous_hash, expected_previous):
        raise _Broken(entry.id, "altered")
    if not entry.key_id:
        # The old scheme only at the very beginning, before any keyed entry.
        if keyed_seen:
            raise _Broken(entry.id, "unsealed")
        if not audit_keys.same(audit_keys.legacy_entry_hash(entry), entry.entry_hash):
            raise _Broken(entry.id, "altered")
        return
    key = keys.get(entry.key_id)
    if key is None:
        raise _Broken(entry.id, "unknown_key", entry.key_id)
    if not audit_keys.same(audit_keys.entry_mac(entry, key), entry.entry_hash):
        raise _Broken(entry.id, "altered")
    if unkeyed_seen and not keyed_seen:
        # The first keyed entry after unkeyed ones must be the seal that names them.
        sealed = (entry.action == SEAL_ACTION
                  and entry.details.get("unkeyed_entries") == unkeyed_seen
                  and entry.details.get("unkeyed_head") == expected_previous)
        if not sealed:
            raise _Broken(entry.id, "unsealed")


def verify_chain(*, head_log=None) -> ChainReport:
    """Walk the whole log: links, codes, the seal of the unkeyed beginning, the chain-head row, and
    the heads exported to `head_log` (default AUDIT_HEAD_LOG_PATH).

    The head row and the exported heads are read before the walk: entries appended meanwhile only
    add to what is walked, so a check running during normal work never raises a false alarm."""
    keys = audit_keys.verification_keys()
    exported = audit_heads.read_exported_heads(head_log)
    if exported.problem_line:
        return ChainReport(0, None, "head_log", str(exported.problem_line))
    heads = exported.heads
    head_hash = (AuditChainHead.objects.filter(id=1).values_list("last_hash", flat=True).first()
                 or GENESIS_HASH)
    head_seen = head_hash == GENESIS_HASH
    expected_previous, checked, unkeyed_seen, keyed_seen, heads_checked = GENESIS_HASH, 0, 0, False, 0
    first_id = last_id = None
    try:
        for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
            _check_entry(entry, expected_previous=expected_previous, keys=keys,
                         unkeyed_seen=unkeyed_seen, keyed_seen=keyed_seen)
            if entry.key_id:
                keyed_seen = True
            else:
                unkeyed_seen += 1
            checked += 1
            first_id, last_id = first_id or entry.id, entry.id
            head_seen = head_seen or entry.entry_hash == head_hash
            exported_head = heads.pop(entry.id, None)
            if exported_head is not None:
                if exported_head != (checked, entry.entry_hash):
                    raise _Broken(entry.id, "head_differs")
                heads_checked += 1
            expected_previous = entry.entry_hash
        if unkeyed_seen and not keyed_seen:
            raise _Broken(first_id, "unsealed")
        # An exported head names an entry that is gone: within the chain, entries were removed and
        # the rest re-linked; beyond its end, the newest entries were cut off.
        gone_within = sorted(entry_id for entry_id in heads if entry_id <= (last_id or 0))
        if gone_within:
            raise _Broken(gone_within[0], "head_differs")
        if heads or not head_seen:
            # (Or the head row remembers a code that no entry has any more.)
            raise _Broken(-1, "newest_removed")
    except _Broken as broken:
        return ChainReport(checked, broken.entry_id, broken.problem, broken.detail, heads_checked)
    return ChainReport(checked, None, "", "", heads_checked)
