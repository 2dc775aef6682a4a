import datetime

from django.utils import timezone

from beian.core.ratelimit import FailureLock, Limit, RateLimit, RateLimited, check, hit, hit_each

T0 = timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0, 30))


def at(seconds):
    return T0 + datetime.timedelta(seconds=seconds)


def test_one_per_minute_holds_across_a_window_boundary(db):
    limits = [Limit(1, 60)]
    assert hit("k", limits, now=at(0)).allowed
    # 29.5 s later a new fixed window has begun; the sliding window still refuses.
    refused = hit("k", limits, now=at(29.5))
    assert not refused.allowed and 1 <= refused.retry_after <= 60
    assert hit("k", limits, now=at(60)).allowed


def test_retry_after_says_when_the_next_event_fits(db):
    limits = [Limit(1, 60)]
    hit("k", limits, now=at(0))
    refused = hit("k", limits, now=at(10))
    assert not hit("k", limits, now=at(10 + refused.retry_after - 1)).allowed
    assert hit("k", limits, now=at(10 + refused.retry_after)).allowed


def test_a_refused_event_counts_nowhere(db):
    limits = [Limit(2, 3600)]
    assert hit("k", limits, now=at(0)).allowed
    assert hit("k", limits, now=at(1)).allowed
    for second in range(2, 10):
        assert not hit("k", limits, now=at(second)).allowed
    assert check("other", limits, now=at(10)).allowed


def test_hit_each_counts_under_every_key_or_none(db):
    limits = [Limit(1, 60)]
    assert hit_each(["phone", "client"], limits, now=at(0)).allowed
    assert not hit_each(["phone2", "client"], limits, now=at(1)).allowed
    # phone2 was not counted by the refused event
    assert check("phone2", limits, now=at(2)).allowed


def test_rate_limit_object_raises_with_the_wait(db):
    limit = RateLimit("api:test", 2, 60)
    limit.hit("1.2.3.4", now=at(0))
    limit.hit("1.2.3.4", now=at(1))
    try:
        limit.hit("1.2.3.4", now=at(2))
    except RateLimited as refused:
        assert refused.retry_after > 0
    else:
        raise AssertionError("the third event should be refused")


def test_failure_lock_locks_after_failures_in_a_row_and_ends(db):
    lock = FailureLock("test", 3, 300)
    assert not lock.fail("x", now=at(0))
    assert not lock.fail("x", now=at(1))
    assert lock.fail("x", now=at(2))
    assert lock.locked_for("x", now=at(3)) == 299
    assert lock.locked_for("x", now=at(302)) == 0


def test_failure_lock_success_resets_the_series(db):
    lock = FailureLock("test", 3, 300)
    lock.fail("x", now=at(0))
    lock.fail("x", now=at(1))
    lock.succeed("x")
    assert not lock.fail("x", now=at(2))
    assert lock.locked_for("x", now=at(2)) == 0
