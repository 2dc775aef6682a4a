"""The reviewer queue with many sponsor entities (issue 5): first page and a filtered search, median
and p95 in ms, and SQL queries per page for two page sizes (the count must not grow with the size).

Generates ReviewItem rows directly (what the queue reads), spread over every county agency of one
province, in the benchmark database var/bench (SQLite by default; DATABASE_URL for PostgreSQL)."""

import os
import random
import statistics
import time
from datetime import timedelta

ITEMS = int(os.environ.get("BENCH_QUEUE_ITEMS", "200000"))


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beian.settings")
    import django

    django.setup()


def generate(count: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from beian.core import pii
    from beian.core.models import Agency, Division
    from beian.review.models import Kind, ReviewItem, ReviewSearchKey
    from beian.review.services import scope_of

    if ReviewItem.objects.count() >= count:
        return
    ReviewItem.objects.all().delete()
    agencies = [(agency, scope_of(agency)) for agency in
                Agency.objects.filter(level="county", active=True, code__startswith="33")]
    subject_type = ContentType.objects.get_for_model(Division)
    rng = random.Random(7)
    now = timezone.now()
    batch, keys = [], []
    for number in range(count):
        submitted = now - timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 1440))
        batch.append(ReviewItem(
            kind=Kind.SPONSOR_ENTITY, subject_type=subject_type, subject_id=number + 1,
            agency=agencies[number % len(agencies)][0], **agencies[number % len(agencies)][1],
            status="submitted", is_open=rng.random() < 0.8,
            title=f"测试科技有限公司{number:06d}", sponsor_name=f"测试科技有限公司{number:06d}",
            submitted_at=submitted, due_date=(submitted + timedelta(days=30)).date()))
        if len(batch) == 5000:
            _flush(batch, keys, pii, ReviewItem, ReviewSearchKey)
    _flush(batch, keys, pii, ReviewItem, ReviewSearchKey)


def _flush(batch, keys, pii, ReviewItem, ReviewSearchKey):  # noqa: N803 - model classes
    created = ReviewItem.objects.bulk_create(batch)
    ReviewSearchKey.objects.bulk_create([
        ReviewSearchKey(item=item,
                        key=f"certificate:{pii.search_hash('uscc', f'9133{item.subject_id:014d}')}")
        for item in created if item.pk])
    batch.clear()


def _timed(function, rounds: int = 30) -> dict:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2)}


def measure() -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from beian.accounts.models import User
    from beian.core.models import Agency
    from beian.review.selectors import QueueFilter, facet_counts, queue
    from beian.review.views.queue import CappedPaginator as Paginator

    supervisor, _ = User.objects.get_or_create(
        username="bench_supervisor",
        defaults={"role": "supervisor", "agency": Agency.objects.get(code="330000")})
    reviewer, _ = User.objects.get_or_create(
        username="bench_reviewer", defaults={"role": "reviewer", "agency": Agency.objects.get(code="330106")})

    def page(user, filters, size=25):
        # What the queue page evaluates: the (capped) count and the first page.
        first = Paginator(queue(user, filters), size).get_page(1)
        return first.paginator.count, list(first.object_list)

    queries = {}
    for size in (25, 100):
        with CaptureQueriesContext(connection) as captured:
            page(supervisor, QueueFilter(), size)
        queries[size] = len(captured.captured_queries)
    return {
        "items": ITEMS,
        "supervisor_first_page": _timed(lambda: page(supervisor, QueueFilter())),
        "reviewer_first_page": _timed(lambda: page(reviewer, QueueFilter())),
        "supervisor_search_certificate": _timed(
            lambda: page(supervisor, QueueFilter(search=f"9133{12345:014d}"))),
        "supervisor_overdue_filter": _timed(lambda: page(supervisor, QueueFilter(overdue=True))),
        # The numbers after each kind and status option: one aggregate over the open items of the scope.
        "supervisor_counts_per_option": _timed(lambda: facet_counts(supervisor, QueueFilter())),
        "queries_per_page": queries,
    }


def run() -> None:
    from bench.harness import ROOT, prepare_database, print_table, write_results

    var_dir = ROOT / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["BEIAN_VAR_DIR"] = str(var_dir)
    prepare_database(var_dir, {**os.environ, "DJANGO_SETTINGS_MODULE": "beian.settings"})
    _setup()
    started = time.perf_counter()
    generate(ITEMS)
    generated_in = round(time.perf_counter() - started, 1)
    results = measure()
    results["generated_in_s"] = generated_in
    rows = [("measure", "median ms", "p95 ms")]
    for key in ("supervisor_first_page", "reviewer_first_page", "supervisor_search_certificate",
                "supervisor_overdue_filter"):
        rows.append((key, results[key]["median_ms"], results[key]["p95_ms"]))
    rows.append(("SQL queries per page (25 / 100 rows)",
                 f"{results['queries_per_page'][25]} / {results['queries_per_page'][100]}", ""))
    print_table(f"Review queue with {ITEMS} items (generated in {generated_in} s)", rows)
    print(f"  written to {write_results('review_queue', results)}")
