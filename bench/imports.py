"""What the import benchmarks (`python -m bench unregistered`, `python -m bench legacy`) share: the
sponsor entities to match, the timed import of a CSV file and the measures, once for every import
kind. Each kind describes itself with an `ImportBench` (its CSV file, model and services).

Measures: importing ROWS rows (rows per second: new rows, then the same file again as updates), and
the push to SPONSORS sponsor entities (an import whose every row matches a sponsor, SMS + system
message included; and match_sponsor as called when one sponsor entity is submitted)."""

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

SUBMISSIONS = 1000  # match_sponsor calls timed one by one
UNMATCHED_OFFSET = 50_000_000  # certificate serials that no sponsor has


@dataclass(frozen=True)
class ImportBench:
    name: str  # of the CSV files and the results file
    title: str  # of the printed table
    rows: int
    sponsors: int
    write_csv: Callable  # (path, count, serial_offset=) → None
    model: str  # dotted path of the imported model
    services: str  # module with import_rows and match_sponsor
    columns: str  # dotted path of the CSV columns (beian.imports.csvfile.Columns)


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beian.settings")
    import django

    django.setup()


def certificate(serial: int) -> str:
    from beian.rules.identifiers import org_code_check_char, uscc_check_char

    body8 = f"{serial:08d}"
    first17 = "91330106" + body8 + org_code_check_char(body8)
    return first17 + uscc_check_char(first17)


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


def _rate(seconds: float, rows: int) -> dict:
    return {"seconds": round(seconds, 2), "rows_per_second": round(rows / seconds, 1)}


class _Kind:
    """The loaded pieces of an ImportBench (after django.setup())."""

    def __init__(self, bench: ImportBench):
        from django.utils.module_loading import import_string

        self.model = import_string(bench.model)
        self.services = import_string(bench.services)
        self.columns = import_string(bench.columns)

    def clear(self) -> None:
        self.model.objects.all()._raw_delete(self.model.objects.db)

    def timed_import(self, path) -> tuple[float, object]:
        from beian.core.models import Agency
        from beian.imports.csvfile import read_rows

        started = time.perf_counter()
        with open(path, "rb") as binary:
            report = self.services.import_rows(actor_label="bench", rows=read_rows(binary, self.columns),
                                               allowed_agencies=Agency.objects.all(), first_row=2)
        return time.perf_counter() - started, report


def measure(bench: ImportBench, var_dir) -> dict:
    from django.db import connection

    from beian.sponsors.models import SponsorEntity

    kind, rows = _Kind(bench), bench.rows
    unmatched, matched = var_dir / f"{bench.name}-unmatched.csv", var_dir / f"{bench.name}-matched.csv"
    bench.write_csv(unmatched, rows, serial_offset=UNMATCHED_OFFSET)
    bench.write_csv(matched, rows, serial_offset=0)
    results = {"rows": rows, "sponsors": bench.sponsors, "database": connection.vendor}

    kind.clear()
    seconds, report = kind.timed_import(unmatched)
    assert report.imported == rows and not report.errors, report.errors[:3]
    results["import_new"] = _rate(seconds, rows)
    seconds, report = kind.timed_import(unmatched)
    assert report.updated == rows
    results["reimport_updates"] = _rate(seconds, rows)

    started = time.perf_counter()
    generate_sponsors(bench.sponsors)
    results["sponsors_generated_in_s"] = round(time.perf_counter() - started, 1)

    # A sponsor submitted later: the entries are there (unmatched), match_sponsor finds its own.
    kind.clear()
    kind.timed_import(matched)
    kind.model.objects.update(matched_entity=None, notified_at=None)
    entities = list(SponsorEntity.objects.filter(name__startswith="bench sponsor").order_by("name")
                    .select_related("owner")[:SUBMISSIONS])
    samples = []
    for entity in entities:
        started = time.perf_counter()
        kind.services.match_sponsor(entity=entity)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    results["match_on_submission"] = {
        "calls": len(samples), "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 2),
        "per_second": round(len(samples) / (sum(samples) / 1000), 1)}

    # Every imported row matches one of the sponsors: matching, SMS and system message per row.
    kind.clear()
    seconds, report = kind.timed_import(matched)
    assert report.notified == min(rows, bench.sponsors), report.notified
    results["import_with_push"] = {**_rate(seconds, rows), "notified": report.notified}
    return results


def run(bench: ImportBench) -> None:
    from bench.harness import ROOT, prepare_database, print_table, write_results

    var_dir = ROOT / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["BEIAN_VAR_DIR"] = str(var_dir)
    prepare_database(var_dir, {**os.environ, "DJANGO_SETTINGS_MODULE": "beian.settings"})
    setup()
    results = measure(bench, var_dir)
    rows = [("measure", "rows/s or calls/s", "seconds / median ms")]
    for key in ("import_new", "reimport_updates", "import_with_push"):
        rows.append((key, results[key]["rows_per_second"], f"{results[key]['seconds']} s"))
    match = results["match_on_submission"]
    rows.append(("match_sponsor on submission", match["per_second"], f"{match['median_ms']} ms (p95 "
                                                                     f"{match['p95_ms']} ms)"))
    print_table(f"{bench.title}: {bench.rows} rows, {bench.sponsors} sponsors ({results['database']})", rows)
    print(f"  written to {write_results(bench.name + '_' + results['database'], results)}")
