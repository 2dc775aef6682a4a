"""Rate limits and lock-outs kept in Django's cache, so several web processes behave as one.

The embedded default keeps the cache in the database, production in Redis (CACHE_URL). Changes
are made under a short lock taken with the cache's atomic `add`, or with `incr`.

Windows are computed from the `now` passed in, not from the cache's own expiry clock, so tests can
travel in time and the answer never depends on when the cache got round to evicting a key.

- `hit(key, [Limit(count, period), ...])` — "at most N in any period" with a sliding log of the
  recent events' times: exact (unlike fixed windows it never lets two "1 per minute" events through
  seconds apart across a window boundary) and says exactly when the next event fits. A refused
  event counts nowhere. Used for SMS codes (accounts) and the public API (api); `RateLimit` below
  is the same with an exception.
- `FailureLock` — "after N failures in a row, refuse for M seconds" (the sign-in lock-out of an
  account: its owner's success ends the series).
- `FailureWindowLock` — "after N failures in any period, refuse for M seconds", whatever succeeded in
  between (the sign-in limit of a client address: one's own successful sign-in must not clear it).
- `DailyBudget` — at most N events a local calendar day, platform-wide (the SMS budget).
"""

from __future__ import annotations

import hashlib
import math
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

_PREFIX = "beian:rl"


def _cache_key(*parts: str) -> str:
    # Keys may hold phone numbers or addresses: hash them (no personal data in cache keys, and
    # keys stay short and free of spaces for every cache backend).
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:40]
    return f"{_PREFIX}:{digest}"


def _timestamp(now) -> float:
    return (now or timezone.now()).timestamp()


@dataclass(frozen=True)
class Limit:
    """At most `count` events in any `period` seconds."""

    count: int
    period: int


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # whole seconds until a new try can succeed (0 when allowed)
    limit: Limit | None = None  # the limit that refused


@contextmanager
def _locked(key: str):
    """A short mutual exclusion through cache.add (atomic in every cache backend Django ships).
    If the lock cannot be had within about a second (a crashed holder), go on without it: the
    lock only guards against counting two simultaneous events as one."""
    lock_key = f"{key}:lock"
    for _ in range(100):
        if cache.add(lock_key, 1, timeout=5):
            try:
                yield
            finally:
                cache.delete(lock_key)
            return
        time.sleep(0.01)
    yield


def _events(log_key: str, now_ts: float, longest: int) -> list[float]:
    return sorted(t for t in cache.get(log_key, []) if now_ts - longest < t <= now_ts)


def _verdict(events: list[float], limits: list[Limit], now_ts: float) -> Verdict:
    refusals = []
    for limit in limits:
        recent = [t for t in events if t > now_ts - limit.period]
        if limit.count <= 0:  # "none at all" (a setting of 0): never fits
            refusals.append(Verdict(False, limit.period, limit))
        elif len(recent) >= limit.count:
            # One more fits once enough of the recent events have left the window.
            leaving = recent[len(recent) - limit.count]
            retry_after = max(1, math.ceil(leaving + limit.period - now_ts))
            refusals.append(Verdict(False, retry_after, limit))
    if refusals:
        return max(refusals, key=lambda verdict: verdict.retry_after)
    return Verdict(True)


def _log_key(key: str) -> str:
    return f"{_cache_key(key)}:log"


def check(key: str, limits: list[Limit], *, now=None) -> Verdict:
    """Would one more event under `key` be allowed? Counts nothing."""
    now_ts = _timestamp(now)
    longest = max(limit.period for limit in limits)
    return _verdict(_events(_log_key(key), now_ts, longest), limits, now_ts)


def hit(key: str, limits: list[Limit], *, now=None) -> Verdict:
    """Count one event under `key` if every limit allows it; a refused event counts nowhere.

    The times of the recent events are kept (a sliding log: exact, and short — never more entries
    than the largest count), so "1 per minute" means 60 seconds after the previous event."""
    return hit_each([key], limits, now=now)


def hit_each(keys: list[str], limits: list[Limit], *, now=None) -> Verdict:
    """Count one event under every key (e.g. per phone and per client address), or under none."""
    return hit_many({key: limits for key in keys}, now=now)


def hit_many(limits_by_key: dict[str, list[Limit]], *, now=None) -> Verdict:
    """Count one event under every key, each with its own limits (strict per phone, generous per
    client address), or under none when any of them refuses."""
    now_ts = _timestamp(now)
    entries = [(_log_key(key), limits, max(limit.period for limit in limits))
               for key, limits in limits_by_key.items()]
    with _locked(entries[0][0]):
        logs = [_events(log_key, now_ts, longest) for log_key, _limits, longest in entries]
        verdicts = [_verdict(events, limits, now_ts)
                    for events, (_key, limits, _longest) in zip(logs, entries, strict=True)]
        refusals = [verdict for verdict in verdicts if not verdict.allowed]
        if refusals:
            return max(refusals, key=lambda verdict: verdict.retry_after)
        for events, (log_key, _limits, longest) in zip(logs, entries, strict=True):
            cache.set(log_key, [*events, now_ts], timeout=longest + 60)
    return Verdict(True)


def hit_counter(key: str, limit: Limit, *, now=None) -> Verdict:
    """For high-volume limits (the public API): a fixed-window counter kept with the cache's atomic
    `add`/`incr` — two cache operations, no lock, no log, whatever the limit. Around a window boundary
    up to twice the limit may pass, which is fine for protecting the service (SMS codes use `hit`).
    Refused requests count too: a client that keeps hammering stays refused."""
    now_ts = _timestamp(now)
    window = math.floor(now_ts / limit.period)
    counter_key = f"{_cache_key(key, str(limit.period))}:{window}"
    timeout = limit.period + 60
    if cache.add(counter_key, 1, timeout=timeout):
        count = 1
    else:
        try:
            count = cache.incr(counter_key)
        except ValueError:  # expired between add and incr
            cache.add(counter_key, 1, timeout=timeout)
            count = 1
    if count > limit.count:
        return Verdict(False, max(1, math.ceil((window + 1) * limit.period - now_ts)), limit)
    return Verdict(True)


def reset(key: str, limits: list[Limit] | None = None, *, now=None) -> None:
    cache.delete(_log_key(key))


def _seconds_locked(lock_key: str, now) -> int:
    locked_until = cache.get(lock_key)
    if locked_until is None:
        return 0
    return max(0, math.ceil(locked_until - _timestamp(now)))


def _lock(lock_key: str, seconds: int, now) -> None:
    # The lock's end is a value computed from `now` (ADR 0022); the expiry only evicts it later.
    cache.set(lock_key, _timestamp(now) + seconds, timeout=seconds + 3600)


@dataclass(frozen=True)
class FailureLock:
    """After `max_failures` failures in a row, the identifier is locked for `lock_seconds`."""

    scope: str
    max_failures: int
    lock_seconds: int

    def _keys(self, identifier: str) -> tuple[str, str]:
        base = _cache_key(self.scope, identifier)
        return f"{base}:failures", f"{base}:locked_until"

    def locked_for(self, identifier: str, *, now=None) -> int:
        """Seconds the identifier stays locked (0 when it is not locked)."""
        return _seconds_locked(self._keys(identifier)[1], now)

    def fail(self, identifier: str, *, now=None) -> bool:
        """Count one failure; True when this failure locks the identifier."""
        failures_key, lock_key = self._keys(identifier)
        # The count forgets a quiet identifier after a while: "in a row" is about one burst of tries.
        cache.add(failures_key, 0, timeout=self.lock_seconds * 12)
        if cache.incr(failures_key) < self.max_failures:
            return False
        _lock(lock_key, self.lock_seconds, now)
        cache.delete(failures_key)  # after the lock-out, a fresh series of tries
        return True

    def succeed(self, identifier: str) -> None:
        cache.delete_many(list(self._keys(identifier)))


@dataclass(frozen=True)
class FailureWindowLock:
    """After `max_failures` failures within any `period` seconds, the identifier is locked for
    `lock_seconds` — and again at the next failure while the window is still full. Successes change
    nothing: failures leave the count only by growing old (a sliding log, as `hit`)."""

    scope: str
    max_failures: int
    period: int
    lock_seconds: int

    def _keys(self, identifier: str) -> tuple[str, str]:
        return f"{self.scope}:failures:{identifier}", f"{_cache_key(self.scope, identifier)}:locked_until"

    def locked_for(self, identifier: str, *, now=None) -> int:
        """Seconds the identifier stays locked (0 when it is not locked)."""
        return _seconds_locked(self._keys(identifier)[1], now)

    def fail(self, identifier: str, *, now=None) -> bool:
        """Count one failure; True when the identifier is locked because of it."""
        log_key, lock_key = self._keys(identifier)
        limits = [Limit(self.max_failures, self.period)]
        hit(log_key, limits, now=now)  # counts unless the window already holds max_failures
        if check(log_key, limits, now=now).allowed:
            return False
        _lock(lock_key, self.lock_seconds, now)
        return True


@dataclass(frozen=True)
class DailyBudget:
    """At most `size` events per calendar day in the platform's time zone, counted with the cache's
    atomic `add`/`incr` (one counter for every process)."""

    scope: str
    size: int

    def _key(self, now) -> str:
        day = timezone.localdate(now or timezone.now()).isoformat()
        return f"{_cache_key(self.scope, day)}:day"

    def spend(self, *, now=None) -> int:
        """Count one event and return how many were counted today, this one included; more than
        `size` means the budget is spent (the caller refuses and may `give_back`)."""
        key = self._key(now)
        if cache.add(key, 1, timeout=2 * 86400):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=2 * 86400)
            return 1

    def give_back(self, *, now=None) -> None:
        """Undo one `spend` whose event did not happen after all."""
        try:
            cache.decr(self._key(now))
        except ValueError:
            pass

    def spent(self, *, now=None) -> int:
        return cache.get(self._key(now), 0)


class RateLimited(Exception):  # noqa: N818 - reads as a state: "the request was rate limited"
    """Raised by RateLimit.hit; `retry_after` is whole seconds until a new try can succeed."""

    def __init__(self, retry_after: int, limit=None):
        super().__init__(f"rate limited by {limit}; retry after {retry_after}s")
        self.retry_after = retry_after
        self.limit = limit


@dataclass(frozen=True)
class RateLimit:
    """One named limit, for callers that prefer an exception: at most `count` per `period` seconds
    for each identifier in `scope`."""

    scope: str
    count: int
    period: int

    def __str__(self) -> str:
        return f"{self.scope} {self.count}/{self.period}s"

    def _key(self, identifier: str) -> str:
        return f"{self.scope}:{identifier}"

    def hit(self, identifier: str, *, now=None) -> None:
        verdict = hit(self._key(identifier), [Limit(self.count, self.period)], now=now)
        if not verdict.allowed:
            raise RateLimited(verdict.retry_after, self)

    def check(self, identifier: str, *, now=None) -> None:
        verdict = check(self._key(identifier), [Limit(self.count, self.period)], now=now)
        if not verdict.allowed:
            raise RateLimited(verdict.retry_after, self)

    def reset(self, identifier: str, *, now=None) -> None:
        reset(self._key(identifier), [Limit(self.count, self.period)], now=now)
