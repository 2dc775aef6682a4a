"""Pre-checks: a complete filing checked in-process (target < 1 ms), and POST /api/v1/prechecks
against /healthz on the same server in the same run (target: at least half the /healthz rate)."""

import json
import time
from datetime import date

from beian.rules import check_filing
from bench.harness import load, print_table, server, write_results

COMPLETE_FILING = {
    "sponsor": {
        "type": "enterprise", "name": "杭州云栖科技有限公司", "certificate_type": "uscc",
        "certificate_number": "91330106MA2H0Q1X3M", "certificate_valid_until": "2030-01-01",
        "address": "浙江省杭州市西湖区文三路 90 号", "office_phone": "0571-87280315",
        "mobile": "13800138000", "email": "contact@yunqi-tech.cn",
        "person_in_charge": {"name": "张伟", "certificate_type": "resident_id",
                             "certificate_number": "330106198001011235",
                             "residence": "浙江省杭州市西湖区文三路 90 号", "mobile": "13800138000",
                             "office_phone": "0571-87280315", "email": "zhangwei@yunqi-tech.cn"}},
    "website": {
        "name": "云栖科技", "domains": ["yunqi-tech.cn", "www.yunqi-tech.cn"],
        "ips": ["121.40.18.7", "47.96.10.1-47.96.10.9"], "icp_number": "浙ICP备12345678号-1",
        "opened_on": "2026-11-01", "service_types": ["company_portal"], "interactive": False,
        "interactive_services": [], "pre_approvals": [], "agreement_accepted": True},
    "leaders": [
        {"role": "security_leader", "name": "李娜", "certificate_type": "resident_id",
         "certificate_number": "110105198506120034", "mobile": "13900139001",
         "office_phone": "0571-87280316", "email": "lina@yunqi-tech.cn"},
        {"role": "emergency_contact", "name": "王强", "certificate_type": "resident_id",
         "certificate_number": "33010619850312001X", "mobile": "13900139002",
         "office_phone": "0571-87280317", "email": "wangqiang@yunqi-tech.cn"}],
}


def in_process(rounds: int = 3000) -> dict:
    today = date(2026, 11, 28)
    check_filing(COMPLETE_FILING, today=today)  # load data files once
    started = time.perf_counter()
    for _ in range(rounds):
        check_filing(COMPLETE_FILING, today=today)
    elapsed = time.perf_counter() - started
    return {"rounds": rounds, "per_second": round(rounds / elapsed),
            "ms_per_filing": round(elapsed / rounds * 1000, 3)}


def over_http(seconds: float = 6.0) -> dict:
    with server({"API_PRECHECK_RATE_PER_MINUTE": "1000000000"}) as base:
        load("GET", f"{base}/healthz", seconds=1)  # warm up both workers
        healthz = load("GET", f"{base}/healthz", seconds=seconds)
        precheck = load("POST", f"{base}/api/v1/prechecks", seconds=seconds,
                        content=json.dumps(COMPLETE_FILING), headers={"Content-Type": "application/json"})
    return {"healthz": healthz, "prechecks": precheck,
            "ratio_to_healthz": round(precheck["per_second"] / healthz["per_second"], 2)}


def run() -> None:
    local = in_process()
    http = over_http()
    results = {"in_process": local, "http": http}
    print_table("Pre-checks", [
        ("measure", "value", "target"),
        ("complete filing, in-process", f"{local['ms_per_filing']} ms ({local['per_second']}/s)", "< 1 ms"),
        ("GET /healthz", f"{http['healthz']['per_second']}/s, p95 {http['healthz']['p95_ms']} ms", ""),
        ("POST /api/v1/prechecks",
         f"{http['prechecks']['per_second']}/s, p95 {http['prechecks']['p95_ms']} ms", ""),
        ("prechecks / healthz", http["ratio_to_healthz"], ">= 0.5"),
    ])
    print(f"  written to {write_results('prechecks', results)}")
