"""The reviewer queue at scale (issues 5 and 17): the queue's selectors and the queue page itself (the
default page, filters, searches by key and by name, each with the counts after every kind and status
option), median and p95 in ms and SQL queries per page, for a reviewer and a province supervisor.

Generates ReviewItem rows directly (what the queue reads), spread over every county agency of one
province, in the benchmark database var/bench (SQLite by default; DATABASE_URL for PostgreSQL, where
the rows go in with COPY and the indexes stay in place). BENCH_QUEUE_ITEMS sets the count:

    BENCH_QUEUE_ITEMS=1000000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_queue \
        python -m bench review_queue
"""

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


# One in this many items is taken by the benchmark reviewer; the others wait unassigned.
ASSIGNED_EVERY = 50
BATCH = 50_000


def _rows(count: int, reviewer_id: int):
    """(item, search keys) for `count` items: sponsor entities and websites (some interactive), open
    or decided, spread over every county agency of one province and sixty days of submissions."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from beian.core import pii
    from beian.core.models import Agency, Division
    from beian.review.models import Kind, ReviewItem
    from beian.review.services import scope_of

    agencies = [(agency, scope_of(agency)) for agency in
                Agency.objects.filter(level="county", active=True, code__startswith="33")]
    subject_type = ContentType.objects.get_for_model(Division)
    rng = random.Random(7)
    now = timezone.now()
    for number in range(count):
        agency, scope = agencies[number % len(agencies)]
        submitted = now - timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 1440))
        website = number % 2 == 1
        item = ReviewItem(
            pk=number + 1, kind=Kind.NEW_WEBSITE if website else Kind.SPONSOR_ENTITY,
            subject_type=subject_type, subject_id=number + 1, agency=agency, **scope,
            status="submitted" if number % 7 else "in_review", is_open=rng.random() < 0.8,
            interactive=website and rng.random() < 0.3,
            title=f"测试网站{number:07d}" if website else f"测试科技有限公司{number:07d}",
            sponsor_name=f"测试科技有限公司{number:07d}", submitted_at=submitted, updated_at=now,
            due_date=(submitted + timedelta(days=30)).date(),
            assignee_id=reviewer_id if agency.code == "330106" and number % ASSIGNED_EVERY == 0 else None)
        keys = [f"certificate:{pii.search_hash('uscc', f'9133{number + 1:014d}')}"]
        if website:
            keys.append(f"domain:site{number:07d}.example.cn")
        yield item, keys


def generate(count: int, reviewer_id: int) -> None:
    """The items, through COPY on PostgreSQL (a million in minutes) or bulk_create elsewhere; the
    indexes stay in place, so the figures include what a real backlog costs to keep indexed."""
    from django.db import connection

    from beian.review.models import ReviewItem, ReviewSearchKey

    if ReviewItem.objects.count() == count:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE review_reviewitem RESTART IDENTITY CASCADE")
    else:
        ReviewItem.objects.all().delete()
    batch = []
    for row in _rows(count, reviewer_id):
        batch.append(row)
        if len(batch) == BATCH:
            _flush(batch, connection, ReviewItem, ReviewSearchKey)
    _flush(batch, connection, ReviewItem, ReviewSearchKey)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("review_reviewitem", "review_reviewsearchkey"):
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"(SELECT coalesce(max(id), 1) FROM {table}))")
            cursor.execute("ANALYZE review_reviewitem; ANALYZE review_reviewsearchkey")


def _flush(batch, connection, ReviewItem, ReviewSearchKey):  # noqa: N803 - model classes
    keys = [ReviewSearchKey(item_id=item.pk, key=key) for item, item_keys in batch for key in item_keys]
    if connection.vendor == "postgresql":
        _copy(connection, ReviewItem, [item for item, _ in batch])
        _copy(connection, ReviewSearchKey, keys)
    else:
        ReviewItem.objects.bulk_create([item for item, _ in batch], batch_size=2000)
        ReviewSearchKey.objects.bulk_create(keys, batch_size=2000)
    batch.clear()


def _copy(connection, model, objects) -> None:
    """COPY the objects' columns (what bulk_create would insert, with the id when it is set)."""
    if not objects:
        return
    fields = [field for field in model._meta.concrete_fields
              if not (field.primary_key and objects[0].pk is None)]
    columns = ", ".join(f'"{field.column}"' for field in fields)
    with connection.cursor() as cursor, cursor.cursor.copy(
            f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN') as copy:
        for obj in objects:
            copy.write_row([field.get_db_prep_save(getattr(obj, field.attname), connection)
                            for field in fields])


def _timed(function, rounds: int = 30) -> dict:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2)}


def bench_users():
    """A supervisor of the province and a reviewer of one county (Hangzhou Xihu), TOTP enrolled."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from beian.accounts.models import User
    from beian.core.models import Agency

    users = []
    for username, role, code in (("bench_supervisor", "supervisor", "330000"),
                                 ("bench_reviewer", "reviewer", "330106")):
        user, _ = User.objects.get_or_create(
            username=username, defaults={"role": role, "agency": Agency.objects.get(code=code)})
        TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
        users.append(user)
    return users


def _signed_in_client(user):
    """A session as after password and TOTP (what every staff page expects)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user, name="bench").persistent_id
    session.save()
    return client


# The queue page as a reviewer opens it: the default page, one filter, one search (an exact key and a
# name), each with the counts after every kind and status option that the page shows.
PAGES = {
    "default page": "",
    "filter: websites, not interactive": "?kind=new_website&interactive=no",
    "filter: overdue": "?due=overdue",
    "search: certificate number": f"?search=9133{12346:014d}",
    "search: domain": "?search=site0012345.example.cn",
    "search: part of a name": "?search=有限公司00123",
}


def _counting(statements: list):
    """Appends each statement's milliseconds: how many queries, and where a page's time goes."""
    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append((time.perf_counter() - started) * 1000)
    return wrapper


def measure(supervisor, reviewer) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from beian.review.selectors import QueueFilter, facet_counts, queue
    from beian.review.views.queue import CappedPaginator as Paginator

    def page(user, filters, size=25):
        # What the queue page evaluates: the (capped) count and the first page.
        first = Paginator(queue(user, filters), size).get_page(1)
        return first.paginator.count, list(first.object_list)

    queries = {}
    for size in (25, 100):
        with CaptureQueriesContext(connection) as captured:
            page(supervisor, QueueFilter(), size)
        queries[size] = len(captured.captured_queries)
    results = {
        "items": ITEMS,
        "selectors": {
            "supervisor_first_page": _timed(lambda: page(supervisor, QueueFilter())),
            "reviewer_first_page": _timed(lambda: page(reviewer, QueueFilter())),
            "supervisor_search_certificate": _timed(
                lambda: page(supervisor, QueueFilter(search=f"9133{12346:014d}"))),
            "supervisor_overdue_filter": _timed(lambda: page(supervisor, QueueFilter(overdue=True))),
            # The numbers after each kind and status option: one aggregate over the scope's open items.
            "supervisor_counts_per_option": _timed(lambda: facet_counts(supervisor, QueueFilter())),
            "reviewer_counts_per_option": _timed(lambda: facet_counts(reviewer, QueueFilter())),
        },
        "selector_queries_per_page": queries,
        "pages": {},
    }
    for role, user in (("reviewer", reviewer), ("supervisor", supervisor)):
        client = _signed_in_client(user)
        for name, query in PAGES.items():
            url = "/review/" + query
            # Counted by a wrapper: the request_started signal empties CaptureQueriesContext's list.
            statements = []
            with connection.execute_wrapper(_counting(statements)):
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            timing = _timed(lambda url=url, client=client: client.get(url), rounds=20)
            results["pages"][f"{role}: {name}"] = {
                **timing, "url": url, "queries": len(statements),
                "sql_ms": round(sum(statements), 1), "slowest_sql_ms": round(max(statements), 1)}
    return results


def run() -> None:
    from bench.harness import ROOT, collect_static, prepare_database, print_table, write_results

    var_dir = ROOT / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["BEIAN_VAR_DIR"] = str(var_dir)
    prepare_database(var_dir, {**os.environ, "DJANGO_SETTINGS_MODULE": "beian.settings"})
    collect_static({**os.environ, "DJANGO_SETTINGS_MODULE": "beian.settings"})
    _setup()
    from django.db import connection

    supervisor, reviewer = bench_users()
    started = time.perf_counter()
    generate(ITEMS, reviewer.pk)
    generated_in = round(time.perf_counter() - started, 1)
    results = measure(supervisor, reviewer)
    results["generated_in_s"] = generated_in
    results["database"] = connection.vendor
    rows = [("measure", "median ms", "p95 ms", "queries", "SQL ms (slowest)")]
    for key, timing in results["selectors"].items():
        rows.append((key, timing["median_ms"], timing["p95_ms"], "", ""))
    rows.append(("selector SQL queries per page (25 / 100 rows)", "", "",
                 f"{results['selector_queries_per_page'][25]} / {results['selector_queries_per_page'][100]}",
                 ""))
    for key, timing in results["pages"].items():
        rows.append((f"page, {key}", timing["median_ms"], timing["p95_ms"], timing["queries"],
                     f"{timing['sql_ms']} ({timing['slowest_sql_ms']})"))
    print_table(f"Review queue with {ITEMS} items on {connection.vendor} (generated in {generated_in} s)",
                rows)
    print(f"  written to {write_results('review_queue', results)}")
