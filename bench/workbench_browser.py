"""Routine approvals in a real browser (issue 17): a reviewer signs in with TOTP, opens the queue and
its first item, and approves 20 submitted non-interactive websites one after the other with the item
page's keys ("d" focuses the first decision, Enter approves, Enter confirms on the page naming the
consequence; the form's then=next opens the next item). Every click and key press the script makes is
counted per decision, with the seconds from one item page to the next. Target: ≤ 3 actions.

Runs gunicorn against the SQLite database var/bench/workbench.sqlite3 (or DATABASE_URL, which must
then name a database of its own: it is emptied on every run) and Debian's chromium; builds the
applications with the builders of the test suite (tests/filings/helpers.py), so the items are exactly
what applicants submit.

    python -m bench workbench_browser
"""

import os
import re
import statistics
import subprocess
import sys
import time

DECISIONS = int(os.environ.get("BENCH_WORKBENCH_DECISIONS", "20"))
TARGET_ACTIONS = 3
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]
APPROVE = "#decision-panel form[action$='/decide/approve/'] button[type='submit']"
CONFIRM = "main form:has(input[name='confirmed']) button[type='submit']"


class CountingPage:
    """The page, with every key press and click the script makes counted."""

    def __init__(self, page):
        self.page = page
        self.actions = 0

    def press(self, key: str) -> None:
        self.actions += 1
        self.page.keyboard.press(key)

    def click(self, selector: str) -> None:
        self.actions += 1
        self.page.locator(selector).first.click()


def _applications(count: int):
    """`count` submitted non-interactive websites of one approved sponsor, and a reviewer (TOTP
    enrolled) of their agency."""
    from tests.factories import make_applicant, make_staff
    from tests.filings.helpers import approved_sponsor, submitted_application

    run = int(time.time())
    sponsor = approved_sponsor(make_applicant(f"bench_owner_{run}"))
    applications = [submitted_application(sponsor, name=f"基准网站{number:02d}",
                                          main_domain=f"bench-{run}-{number}.cn", interactive=False)
                    for number in range(1, count + 1)]
    reviewer = make_staff("reviewer", applications[0].agency.code, username=f"bench_reviewer_{run}")
    return applications, reviewer


def sign_in(page, user, password: str) -> None:
    """Password, the human check (its answer read from the captcha store: the server runs without the
    tests' CAPTCHA_TEST_MODE) and the device's current TOTP code, as tests/e2e/staff_helpers.py does."""
    from captcha.models import CaptchaStore
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.e2e.staff_helpers import code_for_key_hex

    page.goto("/accounts/login/")
    page.locator("input[name='username']").fill(user.username)
    page.locator("input[name='password']").fill(password)
    key = page.locator("input[name$='captcha_0']")
    if key.count():
        page.locator("input[name$='captcha_1']").fill(
            CaptchaStore.objects.get(hashkey=key.input_value()).response)
    page.locator("main form button[type='submit']:not([name])").first.click()
    page.locator("input[name='code']").fill(code_for_key_hex(TOTPDevice.objects.get(user=user).key))
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_url(lambda url: "/accounts/" not in url)


def _item_id(url: str) -> int | None:
    match = re.search(r"/review/(\d+)/$", url)
    return int(match.group(1)) if match else None


def _decide(counting: CountingPage) -> None:
    """Approve the open item with the keys; take it first ("a") only if the page asks for that."""
    page = counting.page
    counting.press("d")
    if not page.locator(APPROVE).count() or not page.locator(APPROVE).evaluate(
            "button => button === document.activeElement"):
        counting.press("a")
        page.wait_for_load_state()
        counting.press("d")
    page.locator(APPROVE).wait_for()
    counting.press("Enter")
    page.locator(CONFIRM).wait_for()
    counting.press("Enter")


def journey(base: str, reviewer, expected_ids: set[int]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from tests.factories import STAFF_PASSWORD

    decisions = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(base_url=base, locale="zh-CN", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(30_000)
        sign_in(page, reviewer, STAFF_PASSWORD)
        page.goto("/review/?kind=new_website")
        counting = CountingPage(page)
        # Opening the first item belongs to no decision: the journey starts on its page.
        page.locator("tr.queue-row td a").first.click()
        page.wait_for_url(re.compile(r"/review/\d+/$"))
        while len(decisions) < len(expected_ids):
            current = _item_id(page.url)
            if current not in expected_ids:
                raise RuntimeError(f"the journey reached {page.url}, not one of the bench's items")
            counting.actions = 0
            started = time.perf_counter()
            _decide(counting)
            # The next item's page (or the queue once nothing is left), not the confirmation page.
            page.wait_for_url(lambda url, current=current: re.search(r"/review/(\d+/)?$", url)
                              and _item_id(url) != current)
            page.wait_for_load_state()
            decisions.append({"item": current, "actions": counting.actions,
                              "seconds": time.perf_counter() - started, "landed_on": page.url})
        browser.close()
    return decisions


def run() -> None:
    from bench.harness import ROOT, collect_static, prepare_database, print_table, server, write_results

    var_dir = ROOT / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["BEIAN_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the ORM beside Playwright's loop
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'workbench.sqlite3'}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "beian.settings"}
    # Emptied on every run: the test builders number their phones and names from 1 in each process.
    prepare_database(var_dir, env)
    subprocess.run([sys.executable, "manage.py", "flush", "--noinput"], cwd=ROOT, env=env, check=True)
    prepare_database(var_dir, env)
    collect_static(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beian.settings")
    import logging

    import django

    django.setup()
    from django.db import connection

    from beian.review.models import ReviewItem

    logging.getLogger("httpx").setLevel(logging.WARNING)  # Django's INFO root logger would log each request
    applications, reviewer = _applications(DECISIONS)
    expected = set(ReviewItem.objects.filter(kind="new_website", subject_id__in=[a.pk for a in applications])
                   .values_list("pk", flat=True))
    connection.close()
    with server(workers=1) as base:
        decisions = journey(base, reviewer, expected)
    approved = ReviewItem.objects.filter(pk__in=expected, status="approved").count()

    actions = [decision["actions"] for decision in decisions]
    seconds = sorted(decision["seconds"] for decision in decisions)
    results = {
        "decisions": len(decisions), "approved": approved,
        "actions_mean": round(statistics.mean(actions), 2), "actions_max": max(actions),
        "seconds_median": round(statistics.median(seconds), 3),
        "seconds_p95": round(seconds[max(int(len(seconds) * 0.95) - 1, 0)], 3),
        "target_actions": TARGET_ACTIONS, "target_met": max(actions) <= TARGET_ACTIONS,
        "per_decision": decisions,
    }
    print_table(f"Routine approvals in the browser ({connection.vendor}, chromium, keys d Enter Enter)", [
        ("measure", "value"),
        ("decisions (approved in the database)", f"{results['decisions']} ({approved})"),
        ("actions per decision, mean / max", f"{results['actions_mean']} / {results['actions_max']}"),
        ("seconds per decision, median / p95", f"{results['seconds_median']} / {results['seconds_p95']}"),
        (f"≤ {TARGET_ACTIONS} actions from one decision to the next item",
         "yes" if results["target_met"] else "no"),
    ])
    print(f"  written to {write_results('workbench_browser', results)}")
