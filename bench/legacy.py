"""Legacy records (SPEC §4.8): importing 100,000 rows from a CSV file (rows per second: new rows, then
the same file again as updates), and the push to 100,000 sponsor entities (an import whose every row
matches a sponsor, SMS + system message included; and match_sponsor as called when one sponsor entity
is submitted).

Runs in the benchmark database var/bench (SQLite by default; DATABASE_URL=postgres://… for
PostgreSQL). Sizes: BENCH_LEGACY_ROWS, BENCH_LEGACY_SPONSORS (the sponsors are shared with
`python -m bench unregistered`)."""

import csv
import os
import statistics
import time

from bench.unregistered import UNMATCHED_OFFSET, certificate, generate_sponsors

ROWS = int(os.environ.get("BENCH_LEGACY_ROWS", "100000"))
SPONSORS = int(os.environ.get("BENCH_LEGACY_SPONSORS", "100000"))
SUBMISSIONS = 1000


def write_csv(path, count: int, *, serial_offset: int) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["备案号", "域名", "网站名称", "ICP备案号", "主办者名称", "证件类型", "证件号码",
                         "公安机关代码", "认领期限"])
        for n in range(count):
            writer.writerow([f"330106{n:08d}", f"legacy{n:06d}.cn", f"历史网站{n:06d}",
                             f"浙ICP备{n:08d}号-1", f"杭州测试科技有限公司{n:06d}", "uscc",
                             certificate(n + serial_offset), "330106", ""])


def _clear() -> None:
    from beian.legacy.models import LegacyRecord

    LegacyRecord.objects.all()._raw_delete(LegacyRecord.objects.db)


def _import(path) -> tuple[float, object]:
    from beian.core.models import Agency
    from beian.legacy.csvfile import LEGACY_COLUMNS
    from beian.legacy.services import import_rows
    from beian.unregistered.csvfile import read_rows

    started = time.perf_counter()
    with open(path, "rb") as binary:
        report = import_rows(actor_label="bench", rows=read_rows(binary, LEGACY_COLUMNS),
                             allowed_agencies=Agency.objects.all(), first_row=2)
    return time.perf_counter() - started, report


def _rate(seconds: float, rows: int) -> dict:
    return {"seconds": round(seconds, 2), "rows_per_second": round(rows / seconds, 1)}


def measure(var_dir) -> dict:
    from django.db import connection

    from beian.legacy.models import LegacyRecord
    from beian.legacy.services import match_sponsor
    from beian.sponsors.models import SponsorEntity

    unmatched, matched = var_dir / "legacy-unmatched.csv", var_dir / "legacy-matched.csv"
    write_csv(unmatched, ROWS, serial_offset=UNMATCHED_OFFSET)
    write_csv(matched, ROWS, serial_offset=0)
    results = {"rows": ROWS, "sponsors": SPONSORS, "database": connection.vendor}

    _clear()
    seconds, report = _import(unmatched)
    assert report.imported == ROWS and not report.errors, report.errors[:3]
    results["import_new"] = _rate(seconds, ROWS)
    seconds, report = _import(unmatched)
    assert report.updated == ROWS
    results["reimport_updates"] = _rate(seconds, ROWS)

    started = time.perf_counter()
    generate_sponsors(SPONSORS)
    results["sponsors_generated_in_s"] = round(time.perf_counter() - started, 1)

    _clear()
    _import(matched)
    LegacyRecord.objects.update(matched_entity=None, notified_at=None)
    entities = list(SponsorEntity.objects.filter(name__startswith="bench sponsor").order_by("name")
                    .select_related("owner")[:SUBMISSIONS])
    samples = []
    for entity in entities:
        started = time.perf_counter()
        match_sponsor(entity=entity)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    results["match_on_submission"] = {
        "calls": len(samples), "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 2),
        "per_second": round(len(samples) / (sum(samples) / 1000), 1)}

    _clear()
    seconds, report = _import(matched)
    assert report.notified == min(ROWS, SPONSORS), report.notified
    results["import_with_push"] = {**_rate(seconds, ROWS), "notified": report.notified}
    return results


def run() -> None:
    from bench.harness import ROOT, prepare_database, print_table, write_results
    from bench.unregistered import _setup

    var_dir = ROOT / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["BEIAN_VAR_DIR"] = str(var_dir)
    prepare_database(var_dir, {**os.environ, "DJANGO_SETTINGS_MODULE": "beian.settings"})
    _setup()
    results = measure(var_dir)
    rows = [("measure", "rows/s or calls/s", "seconds / median ms")]
    for key in ("import_new", "reimport_updates", "import_with_push"):
        rows.append((key, results[key]["rows_per_second"], f"{results[key]['seconds']} s"))
    match = results["match_on_submission"]
    rows.append(("match_sponsor on submission", match["per_second"], f"{match['median_ms']} ms (p95 "
                                                                     f"{match['p95_ms']} ms)"))
    print_table(f"Legacy records: {ROWS} rows, {SPONSORS} sponsors ({results['database']})", rows)
    print(f"  written to {write_results('legacy_' + results['database'], results)}")
