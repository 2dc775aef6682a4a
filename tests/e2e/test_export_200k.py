"""Issue 17 item 5 in the browser: a supervisor exports 200,000 unregistered websites as CSV. The
export button leads to "my exports", which follows the run until it is finished; the downloaded
file holds every row (no cap) under its header."""

import datetime
import re
import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from beian.core.models import Agency
from beian.unregistered.models import UnregisteredWebsite
from tests.e2e.staff_helpers import sign_in_with_second_factor
from tests.factories import STAFF_PASSWORD, make_staff

# About 80 s on SQLite: it runs once, in the PostgreSQL pass (tests/conftest.py _postgres_only).
pytestmark = pytest.mark.postgres

ROWS = 200_000
BATCH = 10_000


def make_sites() -> None:
    """The websites with only their required fields, written in batches (a row at a time would
    take minutes)."""
    agency = Agency.objects.get(code="110105")
    now = timezone.now()
    for start in range(0, ROWS, BATCH):
        UnregisteredWebsite.objects.bulk_create([
            UnregisteredWebsite(domain=f"site{number}.cn", agency=agency, ip="61.135.169.121",
                                found_where="patrol", found_at=now, deadline=datetime.date(2099, 1, 1))
            for number in range(start, start + BATCH)])


def test_a_supervisor_exports_200000_websites_and_downloads_every_row(page):
    started = time.monotonic()
    make_sites()
    supervisor = make_staff("supervisor", "110000", username="beijing_supervisor")
    sign_in_with_second_factor(page, supervisor, STAFF_PASSWORD)
    page.goto("/unregistered/workbench/")
    # The test settings write the export in the request (an immediate task backend): the button waits.
    page.locator("form.export-links button", has_text="CSV").click(timeout=300_000)

    expect(page).to_have_url(re.compile(r"/workbench/exports/$"), timeout=300_000)
    download_link = page.locator("#export-runs").get_by_role("link", name="下载")
    expect(download_link).to_be_visible(timeout=300_000)  # the page refreshes until the run is done
    expect(page.locator("#export-runs")).to_contain_text(f"{ROWS} / {ROWS}")
    with page.expect_download(timeout=120_000) as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), "rb") as exported:
        lines = sum(1 for _line in exported)
    assert lines == ROWS + 1  # the header and every row
    print(f"\n200,000-row export journey: {time.monotonic() - started:.0f} s")
