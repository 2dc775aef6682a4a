"""The queue's counts per option, kept for a short while (settings.REVIEW_FACET_COUNTS_SECONDS).

At a province's scale one count over its open items costs hundreds of milliseconds (bench/review_queue.py
at 1,000,000 items), and a supervisor opens the queue again and again. The counts are a guide, not the
list itself: they are served from the cache for up to the configured seconds, and every saved or deleted
queue row moves a version number that is part of the key, so a decision taken here shows at once. Rows
changed with a bulk update wait at most the configured seconds."""

import hashlib
from dataclasses import asdict
from datetime import date

from django.conf import settings
from django.core.cache import cache

from beian.review.selectors import QueueFilter, facet_counts

VERSION_KEY = "review:queue-version"


def queue_changed(**_kwargs) -> None:
    """post_save / post_delete of a queue row: cached counts are no longer current."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache yet (or evicted)
        cache.set(VERSION_KEY, 1, None)


def cached_facet_counts(user, filters: QueueFilter, *, today: date | None = None) -> dict:
    seconds = settings.REVIEW_FACET_COUNTS_SECONDS
    if seconds <= 0:
        return facet_counts(user, filters, today=today)
    version = cache.get(VERSION_KEY, 0)
    wanted = hashlib.sha256(repr(sorted(asdict(filters).items())).encode()).hexdigest()[:24]
    key = f"review:facets:{user.pk}:{version}:{today}:{wanted}"
    counts = cache.get(key)
    if counts is None:
        counts = facet_counts(user, filters, today=today)
        cache.set(key, counts, seconds)
    return counts
