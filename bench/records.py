"""Public records at scale (issue 8): BENCH_RECORDS filed websites (default 100,000; 1,000,000 for the
full run), then requests per second and p95 of the record JSON and page — by number (cached and
uncached) and by domain — against gunicorn on 127.0.0.1, each as a ratio to the minimal view of the
same stack (GET /api/v1/ping: middleware, routing, the API framework, no database) measured in the
same run; /healthz (which asks the database and the cache) is shown for comparison.

    BENCH_RECORDS=1000000 python -m bench records                              # SQLite (var/bench)
    BENCH_RECORDS=1000000 DATABASE_URL=postgres://postgres@127.0.0.1/beian_bench python -m bench records

Targets: cached record JSON >= 0.70 of the minimal view, uncached by number >= 0.40, p95 < 20 ms."""

import itertools
import os
import random
import statistics
import threading
import time

import httpx

RECORDS = int(os.environ.get("BENCH_RECORDS", "100000"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "6"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))


def load_urls(next_url, *, seconds: float = SECONDS, concurrency: int = CONCURRENCY) -> dict:
    """Like bench.harness.load, but each request asks for next_url() (distinct records)."""
    latencies, statuses = [], {}
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker():
        with httpx.Client(timeout=10) as client:
            while time.monotonic() < stop_at:
                url = next_url()
                started = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.monotonic() - began
    ordered = sorted(latencies)
    return {"requests": len(ordered), "per_second": round(len(ordered) / duration, 1),
            "median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2), "statuses": statuses}


def _cycle(values):
    """A thread-safe endless supply of values in a shuffled order (each asked once per lap)."""
    shuffled = list(values)
    random.Random(3).shuffle(shuffled)
    iterator, lock = itertools.cycle(shuffled), threading.Lock()

    def take():
        with lock:
            return next(iterator)
    return take


def measure(base: str, sample: dict) -> dict:
    numbers, domains = sample["numbers"], sample["domains"]
    fixed_number, fixed_domain = numbers[0], domains[0]
    for url in (f"{base}/api/v1/records/{fixed_number}", f"{base}/records/{fixed_number}",
                f"{base}/api/v1/records?domain={fixed_domain}"):
        httpx.get(url, timeout=10)  # warm: these three are cached from now on
    plan = {
        # The minimal view of the same stack (middleware, URL routing, ninja, JSON): the baseline.
        "minimal_view": lambda: f"{base}/api/v1/ping",
        "healthz": lambda: f"{base}/healthz",
        "json_by_number_cached": lambda: f"{base}/api/v1/records/{fixed_number}",
        "json_by_number_uncached": (lambda take: lambda: f"{base}/api/v1/records/{take()}")(_cycle(numbers)),
        "json_by_domain_cached": lambda: f"{base}/api/v1/records?domain={fixed_domain}",
        "json_by_domain_uncached": (lambda take: lambda: f"{base}/api/v1/records?domain={take()}")(
            _cycle(domains[1:])),
        "page_by_number_cached": lambda: f"{base}/records/{fixed_number}",
        "page_by_number_uncached": (lambda take: lambda: f"{base}/records/{take()}")(_cycle(numbers[1:])),
    }
    load_urls(plan["minimal_view"], seconds=1)  # warm up the workers
    results = {name: load_urls(next_url) for name, next_url in plan.items()}
    rate = results["minimal_view"]["per_second"]
    for result in results.values():
        result["ratio_to_minimal_view"] = round(result["per_second"] / rate, 2) if rate else None
    return results


def run() -> None:
    from bench.harness import ROOT, prepare_database, print_table, server, write_results
    from bench.records_data import _setup, generate, samples

    var_dir = ROOT / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["BEIAN_VAR_DIR"] = str(var_dir)
    prepare_database(var_dir, {**os.environ, "DJANGO_SETTINGS_MODULE": "beian.settings"})
    _setup()
    import logging
    import subprocess
    import sys

    logging.getLogger("httpx").setLevel(logging.WARNING)  # Django's INFO root logger would log each request
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT,
                   env={**os.environ, "DJANGO_SETTINGS_MODULE": "beian.settings"}, check=True)
    generated = generate(RECORDS)
    from django.db import connection

    sample = samples()
    connection.close()
    with server({"PUBLIC_LOOKUP_RATE_PER_MINUTE": "1000000000"}) as base:
        results = measure(base, sample)
    database = connection.vendor
    summary = {"database": database, **generated, "seconds_per_measure": SECONDS, "concurrency": CONCURRENCY,
               "results": results}
    targets = {"json_by_number_cached": ">= 0.70", "json_by_number_uncached": ">= 0.40"}
    rows = [("measure", "req/s", "median ms", "p95 ms", "ratio to minimal view", "target")]
    for name, result in results.items():
        target = targets.get(name, "") + ("; p95 < 20" if name not in ("minimal_view", "healthz") else "")
        rows.append((name, result["per_second"], result["median_ms"], result["p95_ms"],
                     result["ratio_to_minimal_view"], target))
    made = RECORDS - generated["existing"]
    print_table(f"Public records, {RECORDS} filed websites on {database} ({made} generated in "
                f"{generated['generated_in_s']} s; target: 1,000,000 in under 300 s)", rows)
    print(f"  written to {write_results(f'records_{database}', summary)}")
