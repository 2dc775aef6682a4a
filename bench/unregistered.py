"""Unregistered websites (issue 7): importing 100,000 rows from a CSV file (rows per second: new rows,
then the same file again as updates), and push matching with 100,000 sponsor entities (an import
whose every row matches a sponsor, SMS + system message included; and match_sponsor as called when
one sponsor entity is submitted).

Runs in the benchmark database var/bench (SQLite by default; DATABASE_URL=postgres://… for
PostgreSQL). Sizes: BENCH_UNREGISTERED_ROWS, BENCH_UNREGISTERED_SPONSORS."""

import csv
import os
import statistics
import time

ROWS = int(os.environ.get("BENCH_UNREGISTERED_ROWS", "100000"))
SPONSORS = int(os.environ.get("BENCH_UNREGISTERED_SPONSORS", "100000"))
SUBMISSIONS = 1000  # match_sponsor calls timed one by one
UNMATCHED_OFFSET = 50_000_000  # certificate serials that no sponsor has


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beian.settings")
    import django

    django.setup()


def certificate(serial: int) -> str:
    from beian.rules.identifiers import org_code_check_char, uscc_check_char

    body8 = f"{serial:08d}"
    first17 = "91330106" + body8 + org_code_check_char(body8)
    return first17 + uscc_check_char(first17)


def write_csv(path, count: int, *, serial_offset: int) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["域名", "IP地址", "发现位置", "发现时间", "证件类型", "证件号码", "主办者名称",
                         "公安机关代码", "备案期限"])
        for n in range(count):
            writer.writerow([f"site{n:06d}.cn", f"61.{n // 65536 % 200 + 1}.{n // 256 % 256}.{n % 250 + 1}",
                             "巡查发现", "2026-11-01 10:00", "uscc", certificate(n + serial_offset),
                             f"杭州测试科技有限公司{n:06d}", "330106", ""])


def generate_sponsors(count: int) -> None:
    """Submitted sponsor entities with certificate serials 0…count-1 (one account each)."""
    from django.utils import timezone

    from beian.accounts.models import User
    from beian.core import pii
    from beian.core.models import CertificateType
    from beian.sponsors.models import SponsorEntity

    if SponsorEntity.objects.filter(name__startswith="bench sponsor").count() >= count:
        return
    uscc = CertificateType.objects.get(code="uscc")
    now = timezone.now()
    for start in range(0, count, 5000):
        numbers = range(start, min(start + 5000, count))
        users = User.objects.bulk_create([
            User(username=f"bench_sponsor_{n:06d}", password="!", role=User.Role.APPLICANT,
                 real_name="测试", mobile=f"166{n:08d}", email=f"bench{n}@example.cn",
                 mobile_verified_at=now) for n in numbers], ignore_conflicts=True)
        names = [f"bench_sponsor_{n:06d}" for n in numbers]
        users = User.objects.filter(username__in=names).order_by("username")
        SponsorEntity.objects.bulk_create([
            SponsorEntity(owner=user, name=f"bench sponsor {n:06d}", certificate_type=uscc,
                          certificate_number_encrypted=pii.encrypt(certificate(n)),
                          certificate_hash=pii.search_hash("uscc", certificate(n)), status="submitted",
                          submitted_at=now)
            for n, user in zip(numbers, users, strict=True)], ignore_conflicts=True)


def _clear_websites() -> None:
    from beian.unregistered.models import UnregisteredWebsite

    UnregisteredWebsite.objects.all()._raw_delete(UnregisteredWebsite.objects.db)


def _import(path) -> tuple[float, object]:
    from beian.core.models import Agency
    from beian.unregistered.csvfile import read_rows
    from beian.unregistered.services import import_rows

    started = time.perf_counter()
    with open(path, "rb") as binary:
        report = import_rows(actor_label="bench", rows=read_rows(binary),
                             allowed_agencies=Agency.objects.all(), first_row=2)
    return time.perf_counter() - started, report


def _rate(seconds: float, rows: int) -> dict:
    return {"seconds": round(seconds, 2), "rows_per_second": round(rows / seconds, 1)}


def measure(var_dir) -> dict:
    from django.db import connection

    from beian.sponsors.models import SponsorEntity
    from beian.unregistered.models import UnregisteredWebsite
    from beian.unregistered.services import match_sponsor

    unmatched, matched = var_dir / "unregistered-unmatched.csv", var_dir / "unregistered-matched.csv"
    write_csv(unmatched, ROWS, serial_offset=UNMATCHED_OFFSET)
    write_csv(matched, ROWS, serial_offset=0)
    results = {"rows": ROWS, "sponsors": SPONSORS, "database": connection.vendor}

    _clear_websites()
    seconds, report = _import(unmatched)
    assert report.imported == ROWS and not report.errors, report.errors[:3]
    results["import_new"] = _rate(seconds, ROWS)
    seconds, report = _import(unmatched)
    assert report.updated == ROWS
    results["reimport_updates"] = _rate(seconds, ROWS)

    started = time.perf_counter()
    generate_sponsors(SPONSORS)
    results["sponsors_generated_in_s"] = round(time.perf_counter() - started, 1)

    # A sponsor submitted later: the websites are there (unmatched), match_sponsor finds its own.
    _clear_websites()
    _import(matched)
    UnregisteredWebsite.objects.update(matched_entity=None, notified_at=None)
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
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2),
        "per_second": round(len(samples) / (sum(samples) / 1000), 1)}

    # Every imported row matches one of the sponsors: matching, SMS and system message per row.
    _clear_websites()
    seconds, report = _import(matched)
    assert report.notified == min(ROWS, SPONSORS), report.notified
    results["import_with_push"] = {**_rate(seconds, ROWS), "notified": report.notified}
    return results


def run() -> None:
    from bench.harness import ROOT, prepare_database, print_table, write_results

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
    print_table(f"Unregistered websites: {ROWS} rows, {SPONSORS} sponsors ({results['database']})", rows)
    print(f"  written to {write_results('unregistered_' + results['database'], results)}")
