"""The filing wizard with many filed websites (issue 6): the time of each step's save and of the live
check of a field (median and p95 in ms, through the whole Django stack in-process) and the SQL queries
each one makes, with BENCH_WIZARD_WEBSITES filed websites (default 200,000) and their domain holds in
the benchmark database var/bench (SQLite by default; DATABASE_URL for PostgreSQL)."""

import os
import statistics
import time

WEBSITES = int(os.environ.get("BENCH_WIZARD_WEBSITES", "200000"))
ROUNDS = int(os.environ.get("BENCH_WIZARD_ROUNDS", "40"))


def _hold_filed_domains() -> int:
    """The generator writes websites; the wizard's `domain.already_filed` asks the domain holds."""
    from django.db import connection, transaction

    from beian.filings.models import DomainHold, Website
    from bench.records_data import RowMaker, _write

    held = set(DomainHold.objects.values_list("name", flat=True))
    maker = RowMaker(DomainHold, connection, name="x", application_id=1)
    rows, next_id = [], (DomainHold.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
    for application_id, domains in Website.objects.values_list("application_id", "domains").iterator(20_000):
        for domain in domains:
            if domain not in held:
                rows.append(maker.row(id=next_id, name=domain, application_id=application_id))
                held.add(domain)
                next_id += 1
    with transaction.atomic():
        for start in range(0, len(rows), 20_000):
            _write(connection, DomainHold._meta.db_table, maker.columns, rows[start:start + 20_000])
    return len(held)


def _timed(function, rounds: int) -> dict:
    samples = []
    for number in range(rounds):
        started = time.perf_counter()
        function(number)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 2)}


def _queries(function) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function(10_000)
    return len(captured)


def _basic_post(version: int, number: int) -> dict:
    return {"version": version, "name": "基准科技官网", "has_own_domain": "yes",
            "main_domain": f"wizard-bench-{number}.cn", "home_url": f"https://wizard-bench-{number}.cn/",
            "ips": "121.40.18.7", "icp_number": "京ICP备12345678号-1", "opened_on": "2026-11-20",
            "access_provider": "阿里云", "registrar": "阿里云", "hosting": "cloud_server",
            "service_types": ["company_portal"], "interactive": "no", "controlled_goods": "no",
            "languages": ["zh_hans"], "action": "continue"}


def _leaders_post(version: int) -> dict:
    data = {"version": version, "action": "continue"}
    for prefix, name, number in (("security", "王建国", "11010519491231002X"),
                                 ("emergency", "李秀英", "110105194912310029")):
        data.update({f"{prefix}_name": name, f"{prefix}_certificate_type": "resident_id",
                     f"{prefix}_certificate_number": number, f"{prefix}_mobile": "13800138000",
                     f"{prefix}_office_phone": "010-85951234", f"{prefix}_email": "it@example.cn"})
    return data


def measure() -> dict:
    from django.test import Client
    from django.urls import reverse

    from beian.filings import services
    from beian.filings.models import WebsiteApplication
    from beian.sponsors.models import SponsorEntity

    sponsor = SponsorEntity.objects.filter(owner__username__startswith="bench_owner_").first()
    client = Client()
    client.force_login(sponsor.owner)
    application = services.start_application(actor=sponsor.owner)

    def version() -> int:
        return WebsiteApplication.objects.values_list("version", flat=True).get(pk=application.pk)

    def post_step(step, data_for):
        def call(number):
            response = client.post(reverse("filings:step", args=[application.pk, step]), data_for(number))
            assert response.status_code == 302, (step, response.status_code)
        return call

    def live_check(number):
        response = client.post(reverse("filings:check_field", args=[application.pk, "basic"]),
                               {**_basic_post(version(), number), "name": "中国基准网"},
                               HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER_NAME="name")
        assert response.status_code == 200, response.status_code

    measures = {
        "save basic information": post_step("basic", lambda n: _basic_post(version(), n)),
        "save leaders": post_step("leaders", lambda n: _leaders_post(version())),
        "save prompt": post_step("prompt", lambda n: {"version": version(), "agreement_accepted": "on",
                                                      "action": "continue"}),
        "live check of a field": live_check,
        "check your answers page": lambda n: client.get(reverse("filings:check", args=[application.pk])),
    }
    results = {}
    for label, function in measures.items():
        function(0)  # warm up
        results[label] = {**_timed(function, ROUNDS), "queries": _queries(function)}
    return results


def run() -> None:
    from bench.harness import ROOT, prepare_database, print_table, write_results
    from bench.records_data import _setup, generate

    var_dir = ROOT / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["BEIAN_VAR_DIR"] = str(var_dir)
    prepare_database(var_dir, {**os.environ, "DJANGO_SETTINGS_MODULE": "beian.settings"})
    _setup()
    from beian.filings.models import Website

    generated = generate(WEBSITES)
    held = _hold_filed_domains()
    filed = Website.objects.count()  # at least WEBSITES (another benchmark may have made more)
    results = {"filed_websites": filed, "held_domains": held, "generated": generated, "steps": measure()}
    rows = [("step", "median ms", "p95 ms", "SQL queries")]
    rows += [(label, found["median_ms"], found["p95_ms"], found["queries"])
             for label, found in results["steps"].items()]
    print_table(f"Filing wizard with {filed} filed websites ({held} held domains)", rows)
    print(f"  written to {write_results('wizard', results)}")
