"""The secret of the audit chain (ADR 0097): HMAC-SHA256 keys that the database never holds.

AUDIT_KEY signs every new entry and every exported chain head; AUDIT_KEY_FALLBACKS are earlier keys
that still verify what they signed (the way Django's SECRET_KEY_FALLBACKS work). Each entry stores the
id of the key that signed it: a fingerprint made with the key itself, so the id tells nothing about
the key and a key cannot be swapped in under another's id.

Pure functions over plain values: the data migration that seals the unkeyed entries uses them too.
"""

import datetime
import hashlib
import hmac
import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_ID_LENGTH = 16
# Domain separation: an entry's code can never pass for a head line's, or the other way round.
ENTRY_CONTEXT = b"beian audit entry\n"
HEAD_CONTEXT = b"beian audit head\n"


def _key_bytes(key: str) -> bytes:
    if not key or len(key) < 32:
        raise ImproperlyConfigured("AUDIT_KEY (and each of AUDIT_KEY_FALLBACKS) must have at least "
                                   "32 characters.")
    return key.encode("utf-8")


def key_id(key: str) -> str:
    return hmac.new(_key_bytes(key), b"beian audit key id", hashlib.sha256).hexdigest()[:KEY_ID_LENGTH]


def signing_key() -> tuple[str, bytes]:
    """(id, key) of the key that signs from now on."""
    return key_id(settings.AUDIT_KEY), _key_bytes(settings.AUDIT_KEY)


def verification_keys() -> dict[str, bytes]:
    """Every configured key by id: the signing key and the fallbacks."""
    keys = [settings.AUDIT_KEY, *getattr(settings, "AUDIT_KEY_FALLBACKS", [])]
    return {key_id(key): _key_bytes(key) for key in keys}


def canonical_json(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_payload(entry, *, with_key_id: bool) -> dict:
    """What an entry's code covers. Works on the model and on its historical version in migrations."""
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
    if with_key_id:
        payload["key_id"] = entry.key_id
    return payload


def legacy_entry_hash(entry) -> str:
    """The unkeyed SHA-256 of the entries written before the switch (key_id empty)."""
    return hashlib.sha256(canonical_json(entry_payload(entry, with_key_id=False))).hexdigest()


def entry_mac(entry, key: bytes) -> str:
    return hmac.new(key, ENTRY_CONTEXT + canonical_json(entry_payload(entry, with_key_id=True)),
                    hashlib.sha256).hexdigest()


def head_mac(fields: dict, key: bytes) -> str:
    return hmac.new(key, HEAD_CONTEXT + canonical_json(fields), hashlib.sha256).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("ascii", "replace"), b.encode("ascii", "replace"))
