"""The per-client limit of lookups (page and API share it): a fixed-window counter in the cache."""

from django.conf import settings

from beian.core.http import client_address
from beian.core.ratelimit import Limit, hit_counter


def limit_lookup(request) -> int:
    """Count one lookup; 0 when allowed, else the seconds to wait."""
    verdict = hit_counter(f"public:lookup:{client_address(request)}",
                          Limit(settings.PUBLIC_LOOKUP_RATE_PER_MINUTE, 60))
    return 0 if verdict.allowed else verdict.retry_after
