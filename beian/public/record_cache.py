"""The cached public record (ADR 0080).

One cache entry per record number, language-neutral, filled on first read:
  {"kind": "record", "data": {...}, "json": b"...", "etag": "..."} — a filed or cancelled record,
  {"kind": "alias", "to": "<14 digits>"} — a legacy number leading to a record,
  {"kind": "missing"} — nobody knows this number (kept shortly, so that guessing stays cheap).
The JSON body is serialised once, when the entry is filled, so a cached API answer is one cache read.
After the commit of any change of the website, its aliases or its sponsor the entries are written
again from the primary database (beian/public/receivers.py); the time-out only bounds what a missed
invalidation could cost.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.cache import cache

from beian.public import selectors

_PREFIX = "beian:public:record:v1"
_DOMAIN_PREFIX = "beian:public:domain:v1"
MISSING = {"kind": "missing"}


def record_seconds() -> int:
    return settings.PUBLIC_RECORD_CACHE_SECONDS


def _key(digits: str) -> str:
    return f"{_PREFIX}:{digits}"


def _domain_key(domain: str) -> str:
    # Domains may be up to 253 characters; hash them for cache backends with short keys (memcached).
    return f"{_DOMAIN_PREFIX}:{hashlib.sha256(domain.encode()).hexdigest()[:32]}"


def _record_entry(data: dict) -> dict:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return {"kind": "record", "data": data, "json": body,
            "etag": hashlib.sha256(body).hexdigest()[:32]}


def _load(digits: str, database: str | None = None) -> dict:
    row = selectors.website_by_number(digits, database)
    if row is not None:
        return _record_entry(selectors.record_data(row))
    target = selectors.alias_target(digits, database)
    if target is not None:
        return {"kind": "alias", "to": target}
    return MISSING


def entry(digits: str) -> dict:
    """The cache entry of a 14-digit number (filled from the database on a miss)."""
    key = _key(digits)
    found = cache.get(key)
    if found is not None:
        return found
    found = _load(digits)
    _store(digits, found)
    return found


def _store(digits: str, found: dict) -> None:
    timeout = record_seconds() if found is not MISSING else settings.PUBLIC_MISSING_CACHE_SECONDS
    cache.set(_key(digits), found, timeout=timeout)


def numbers_for_domain(domain: str) -> list[str]:
    """Record numbers of a domain lookup; cached shortly (a sub-domain query cannot be invalidated by
    name, so its time-out is the bound on staleness; exact names are invalidated on change)."""
    key = _domain_key(domain)
    found = cache.get(key)
    if found is None:
        found = selectors.numbers_for_domain(domain)
        cache.set(key, found, timeout=settings.PUBLIC_LOOKUP_CACHE_SECONDS)
    return found


def invalidate(numbers=(), domains=()) -> None:
    """After the commit of a change: the entries of the numbers are written again from the primary
    database (a read replica may not have the change yet, and the next reader would cache the old
    record for the whole lifetime); the domain lookups, which live a minute, are dropped."""
    numbers = [number for number in numbers if number]
    keys = [_key(number) for number in numbers]
    for domain in domains:
        keys.append(_domain_key(domain))
        if domain.startswith("www."):
            keys.append(_domain_key(domain[4:]))
        else:
            keys.append(_domain_key(f"www.{domain}"))
    if keys:
        cache.delete_many(keys)  # first: should the re-fill fail, no stale entry is left
    for number in numbers:
        _store(number, _load(number, "default"))
