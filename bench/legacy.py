"""Legacy records (SPEC §4.8): importing 100,000 rows from a CSV file and the push to 100,000 sponsor
entities (the measures: bench.imports).

Runs in the benchmark database var/bench (SQLite by default; DATABASE_URL=postgres://… for
PostgreSQL). Sizes: BENCH_LEGACY_ROWS, BENCH_LEGACY_SPONSORS (the sponsors are shared with
`python -m bench unregistered`)."""

import csv
import os

from bench.imports import ImportBench, certificate
from bench.imports import run as run_import_bench


def write_csv(path, count: int, *, serial_offset: int) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["备案号", "域名", "网站名称", "ICP备案号", "主办者名称", "证件类型", "证件号码",
                         "公安机关代码", "认领期限"])
        for n in range(count):
            writer.writerow([f"330106{n:08d}", f"legacy{n:06d}.cn", f"历史网站{n:06d}",
                             f"浙ICP备{n:08d}号-1", f"杭州测试科技有限公司{n:06d}", "uscc",
                             certificate(n + serial_offset), "330106", ""])


BENCH = ImportBench(
    name="legacy", title="Legacy records",
    rows=int(os.environ.get("BENCH_LEGACY_ROWS", "100000")),
    sponsors=int(os.environ.get("BENCH_LEGACY_SPONSORS", "100000")),
    write_csv=write_csv, model="beian.legacy.models.LegacyRecord", services="beian.legacy.services",
    columns="beian.legacy.csvfile.LEGACY_COLUMNS")


def run() -> None:
    run_import_bench(BENCH)
