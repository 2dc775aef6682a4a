"""Issue 17 item 5, lists at scale: search and filters in the URL, constant queries per page, exports
written in the background with no row cap (XLSX up to the sheet's limit, said so), "my exports" scoped
to its owner with audited downloads and a system message when an export is ready."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from beian.core.models import Agency, AuditEntry
from beian.imports import background_exports
from beian.imports.models import ExportRun
from beian.notifications.models import SystemMessage
from beian.unregistered.models import UnregisteredWebsite
from tests.factories import make_applicant
from tests.imports.exporting import content, export

pytestmark = pytest.mark.usefixtures("reference_data")


def make_sites(count: int, *, agency_code="110105", prefix="site", **fields):
    agency = Agency.objects.get(code=agency_code)
    now = timezone.now()
    values = {"ip": "61.135.169.121", "found_where": "patrol", "found_at": now, "sponsor_name": "云景",
              "deadline": datetime.date(2099, 1, 1), **fields}
    sites = [UnregisteredWebsite(domain=f"{prefix}{number}.cn", agency=agency, **values)
             for number in range(count)]
    UnregisteredWebsite.objects.bulk_create(sites, batch_size=2000)


def test_search_and_filters_are_in_the_url(client, signed_in, supervisor):
    make_sites(2, prefix="alpha", sponsor_name="北京云景科技有限公司")
    make_sites(2, prefix="beta", agency_code="110108", sponsor_name="海淀某某")
    make_sites(1, prefix="late", deadline=datetime.date(2020, 1, 1))
    signed_in(supervisor)
    url = reverse("unregistered:workbench")
    page = client.get(url, {"q": "alpha"}).content.decode()
    assert "alpha0.cn" in page and "beta0.cn" not in page
    page = client.get(url, {"q": "海淀"}).content.decode()  # the sponsor's name
    assert "beta1.cn" in page and "alpha0.cn" not in page
    page = client.get(url, {"agency": "110108"}).content.decode()
    assert "beta0.cn" in page and "alpha0.cn" not in page and 'name="agency"' in page
    page = client.get(url, {"overdue": "on", "q": ".cn"}).content.decode()
    assert "late0.cn" in page and "alpha0.cn" not in page
    # The export button keeps the filters of the page.
    assert "export.csv?q=alpha" in client.get(url, {"q": "alpha"}).content.decode()


def test_legacy_records_are_searched_by_record_number(client, signed_in, reviewer):
    from beian.legacy.models import LegacyRecord

    agency = Agency.objects.get(code="110105")
    LegacyRecord.objects.bulk_create([
        LegacyRecord(record_number=f"1101050203{number:04d}", website_name="老站", domain=f"old{number}.cn",
                     sponsor_name="某公司", agency=agency, deadline=datetime.date(2099, 1, 1))
        for number in range(3)])
    signed_in(reviewer)
    page = client.get(reverse("legacy:workbench"), {"q": "11010502030001"}).content.decode()
    assert "old1.cn" in page and "old2.cn" not in page


@pytest.mark.parametrize("url_name", ["unregistered:workbench", "unregistered:enforcement"])
def test_a_page_costs_the_same_queries_for_5_or_50_rows(client, signed_in, supervisor, url_name,
                                                        django_assert_max_num_queries):
    signed_in(supervisor)
    make_sites(5, prefix="few", deadline=datetime.date(2020, 1, 1))
    client.get(reverse(url_name))  # warms the session and the caches
    with django_assert_max_num_queries(12) as few:
        client.get(reverse(url_name), {"q": "few"})
    make_sites(45, prefix="more", deadline=datetime.date(2020, 1, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse(url_name))
    assert response.content.decode().count("/unregistered/workbench/") >= 50


def test_a_csv_export_has_every_row_and_tells_its_owner(client, signed_in, supervisor,
                                                       django_capture_on_commit_callbacks):
    rows = 20_000  # above the old caps' order of magnitude per chunk; write_csv itself has no cap
    make_sites(rows)
    signed_in(supervisor)
    download = export(client, reverse("unregistered:export", args=["csv"]),
                      capture=django_capture_on_commit_callbacks)
    lines = content(download).decode("utf-8-sig").splitlines()
    assert len(lines) == rows + 1
    run = ExportRun.objects.get()
    assert (run.rows_written, run.rows_total, run.percent, run.message) == (rows, rows, 100, "")
    assert AuditEntry.objects.filter(action="export_downloaded", actor=supervisor).count() == 1
    assert AuditEntry.objects.filter(action="unregistered_exported", actor=supervisor).count() == 1
    message = SystemMessage.objects.get(user=supervisor, template="export_finished")
    assert "20000" in message.body or "20,000" in message.body
    page = client.get(reverse("exports:list")).content.decode()
    assert reverse("exports:download", args=[run.pk]) in page and "100%" in page


def test_the_csv_writer_has_no_cap():
    written, complete = background_exports.write_csv(io.BytesIO(), ["n"], ([n] for n in range(250_000)))
    assert (written, complete) == (250_000, True)


def test_an_xlsx_export_stops_at_the_sheet_limit_and_says_so(client, signed_in, supervisor, monkeypatch,
                                                            django_capture_on_commit_callbacks):
    monkeypatch.setattr(background_exports, "XLSX_MAX_DATA_ROWS", 10)
    make_sites(25)
    signed_in(supervisor)
    download = export(client, reverse("unregistered:export", args=["xlsx"]),
                      capture=django_capture_on_commit_callbacks)
    sheet_rows = list(load_workbook(io.BytesIO(content(download))).active.values)
    assert len(sheet_rows) == 11  # the header and 10 rows
    run = ExportRun.objects.get()
    assert run.rows_written == 10 and run.rows_total == 25
    # In the owner's language (Chinese by default): the limit, the rows left out and the way to get them.
    assert "10" in run.message and "15" in run.message and "CSV" in run.message


def test_only_the_owner_sees_and_downloads_an_export(client, signed_in, supervisor, reviewer,
                                                     django_capture_on_commit_callbacks):
    make_sites(3)
    signed_in(supervisor)
    export(client, reverse("unregistered:export", args=["csv"]), capture=django_capture_on_commit_callbacks)
    run = ExportRun.objects.get()
    signed_in(reviewer)
    assert client.get(reverse("exports:download", args=[run.pk])).status_code == 404
    listed = client.get(reverse("exports:list")).content.decode()
    assert reverse("exports:download", args=[run.pk]) not in listed
    assert not AuditEntry.objects.filter(action="export_downloaded", actor=reviewer).exists()
    # An applicant has no workbench.
    signed_in(make_applicant())
    assert client.get(reverse("exports:list")).status_code in (302, 403)


def test_an_export_is_started_by_post_only(client, signed_in, reviewer):
    signed_in(reviewer)
    assert client.get(reverse("unregistered:export", args=["csv"])).status_code == 405
    assert not ExportRun.objects.exists()
