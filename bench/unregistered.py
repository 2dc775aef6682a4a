"""Unregistered websites (issue 7): importing 100,000 rows from a CSV file and push matching with
100,000 sponsor entities (the measures: bench.imports).

Runs in the benchmark database var/bench (SQLite by default; DATABASE_URL=postgres://… for
PostgreSQL). Sizes: BENCH_UNREGISTERED_ROWS, BENCH_UNREGISTERED_SPONSORS."""

import csv
import os

from bench.imports import ImportBench, certificate
from bench.imports import run as run_import_bench


def write_csv(path, count: int, *, serial_offset: int) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["域名", "IP地址", "发现位置", "发现时间", "证件类型", "证件号码", "主办者名称",
                         "公安机关代码", "备案期限"])
        for n in range(count):
            writer.writerow([f"site{n:06d}.cn", f"61.{n // 65536 % 200 + 1}.{n // 256 % 256}.{n % 250 + 1}",
                             "巡查发现", "2026-11-01 10:00", "uscc", certificate(n + serial_offset),
                             f"杭州测试科技有限公司{n:06d}", "330106", ""])


BENCH = ImportBench(
    name="unregistered", title="Unregistered websites",
    rows=int(os.environ.get("BENCH_UNREGISTERED_ROWS", "100000")),
    sponsors=int(os.environ.get("BENCH_UNREGISTERED_SPONSORS", "100000")),
    write_csv=write_csv, model="beian.unregistered.models.UnregisteredWebsite",
    services="beian.unregistered.services", columns="beian.unregistered.csvfile.UNREGISTERED_COLUMNS")


def run() -> None:
    run_import_bench(BENCH)
