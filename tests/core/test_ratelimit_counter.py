"""hit_counter: the cheap fixed-window limit of the public API."""

from datetime import UTC, datetime, timedelta

import pytest

from beian.core.ratelimit import Limit, hit_counter

pytestmark = pytest.mark.django_db


def test_the_counter_refuses_past_the_limit_until_the_window_ends():
    start = datetime(2026, 11, 28, 10, 0, 10, tzinfo=UTC)
    limit = Limit(3, 60)
    assert [hit_counter("client-a", limit, now=start).allowed for _ in range(4)] == [True, True, True, False]
    refused = hit_counter("client-a", limit, now=start)
    assert refused.retry_after == 50
    assert hit_counter("client-b", limit, now=start).allowed
    assert hit_counter("client-a", limit, now=start + timedelta(seconds=50)).allowed
