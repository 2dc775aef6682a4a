"""FailureWindowLock (failures within a sliding window, successes change nothing), DailyBudget and
hit_many (one event under several keys, each with its own limits)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache

from beian.core.ratelimit import DailyBudget, FailureLock, FailureWindowLock, Limit, check, hit_many

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 3, 2, 2, 0, 0, tzinfo=UTC)  # 10:00 in China


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def at(seconds=0, **delta):
    return T0 + timedelta(seconds=seconds, **delta)


def test_a_failure_lock_in_a_row_is_cleared_by_a_success_which_is_the_spraying_hole():
    # Kept for accounts (its owner's success ends the series); never for a client address.
    lock = FailureLock("test", 3, 300)
    for round_number in range(5):
        lock.fail("address", now=at(round_number * 3))
        lock.fail("address", now=at(round_number * 3 + 1))
        lock.succeed("address")
    assert lock.locked_for("address", now=at(20)) == 0


def test_the_window_lock_counts_failures_whatever_succeeds_in_between():
    lock = FailureWindowLock("test", max_failures=3, period=600, lock_seconds=300)
    assert not lock.fail("address", now=at(0))
    assert not lock.fail("address", now=at(10))
    assert lock.fail("address", now=at(20))
    assert lock.locked_for("address", now=at(21)) == 299
    assert lock.locked_for("other", now=at(21)) == 0


def test_the_window_lock_locks_again_while_the_window_is_full_and_decays():
    lock = FailureWindowLock("test", max_failures=3, period=600, lock_seconds=300)
    for second in (0, 10, 20):
        lock.fail("address", now=at(second))
    # The lock is over after 5 minutes, but the 3 failures are still in the window: the next one locks.
    assert lock.locked_for("address", now=at(321)) == 0
    assert lock.fail("address", now=at(321))
    # Once the old failures have left the window, failures count from zero again.
    assert lock.locked_for("address", now=at(700)) == 0
    assert not lock.fail("address", now=at(700))
    assert not lock.fail("address", now=at(701))


def test_the_daily_budget_counts_per_local_day_and_gives_back():
    budget = DailyBudget("test-budget", 2)
    assert [budget.spend(now=at(0)) for _ in range(3)] == [1, 2, 3]
    budget.give_back(now=at(0))
    assert budget.spent(now=at(0)) == 2
    # 16:00 UTC on 2 March is midnight on 3 March in China: the next day's budget.
    assert budget.spend(now=at(hours=14)) == 1
    assert budget.spent(now=at(hours=13, minutes=59)) == 2  # 23:59 on 2 March in China


def test_hit_many_applies_each_keys_own_limits_and_counts_under_all_or_none():
    strict, generous = [Limit(1, 60)], [Limit(100, 3600)]
    assert hit_many({"phone:a": strict, "office": generous}, now=at(0)).allowed
    assert hit_many({"phone:b": strict, "office": generous}, now=at(1)).allowed
    refused = hit_many({"phone:a": strict, "office": generous}, now=at(2))
    assert not refused.allowed and refused.limit == Limit(1, 60) and refused.retry_after == 58
    # The refused event was not counted under the office's key.
    assert check("office", [Limit(2, 3600)], now=at(3)).allowed is False
    assert check("office", [Limit(3, 3600)], now=at(3)).allowed
