"""The pages: scope of every URL, the claim menu (push, exact search with its rate limit, claim), the
workbench (upload with error report, enforcement list, export with formulas neutralised)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from beian.core.models import AuditEntry
from beian.filings.models import WebsiteApplication
from beian.imports.models import ImportRun
from beian.legacy.models import LegacyRecord
from beian.notifications.models import SystemMessage
from tests.factories import make_applicant, make_staff
from tests.filings.helpers import approved_sponsor
from tests.imports.exporting import content, export
from tests.legacy.helpers import HEADER_ZH, NUMBER, csv_bytes, import_, plain_row, row, submitted_applicant

pytestmark = pytest.mark.usefixtures("reference_data")


def _record(*rows):
    import_(*(rows or [row()]))
    return LegacyRecord.objects.order_by("pk").last()


def _workbench_urls(record_id):
    return [reverse("legacy:workbench"), reverse("legacy:enforcement"),
            reverse("legacy:detail", args=[record_id]), reverse("legacy:export", args=["csv"]),
            reverse("legacy:upload"),
            reverse("legacy:import_run", args=[1]), reverse("legacy:import_errors", args=[1])]


def _claim_urls():
    return [reverse("claims:mine"), reverse("claims:search") + "?q=x", reverse("claims:claim")]


def test_anonymous_visitors_are_sent_to_sign_in(client):
    record = _record()
    for url in _workbench_urls(record.pk) + _claim_urls():
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_applicants_get_403_on_workbench_pages_and_staff_on_claim_pages(client, signed_in, reviewer):
    record = _record()
    client.force_login(make_applicant())
    for url in _workbench_urls(record.pk):
        assert client.get(url).status_code == 403, url
    signed_in(reviewer)
    for url in _claim_urls():
        assert client.get(url).status_code == 403, url


def test_reviewers_may_not_upload_and_other_counties_get_404(client, signed_in, reviewer, other_reviewer):
    record = _record()
    signed_in(reviewer)
    assert client.get(reverse("legacy:upload")).status_code == 403
    assert NUMBER in client.get(reverse("legacy:detail", args=[record.pk])).content.decode()
    signed_in(other_reviewer)
    assert client.get(reverse("legacy:detail", args=[record.pk])).status_code == 404
    assert NUMBER not in client.get(reverse("legacy:workbench")).content.decode()


def test_the_detail_masks_the_certificate(client, signed_in, reviewer):
    record = _record()
    signed_in(reviewer)
    page = client.get(reverse("legacy:detail", args=[record.pk])).content.decode()
    assert "云景旧官网" in page and row()["certificate_number"] not in page


def test_supervisor_uploads_a_gbk_csv_and_downloads_the_error_report(client, signed_in, supervisor):
    signed_in(supervisor)
    data = csv_bytes([row(), plain_row(2, domain="bad..cn"),
                      plain_row(3, agency_code="330106", record_number="33010600000003")],
                     header=HEADER_ZH, encoding="gbk")
    response = client.post(reverse("legacy:upload"), {"file": SimpleUploadedFile("l.csv", data)})
    assert response.status_code == 200
    assert "新增 1 条，更新 0 条" in response.content.decode()
    run = ImportRun.objects.get(kind="legacy")
    text = client.get(reverse("legacy:import_errors", args=[run.pk])).content.decode("utf-8-sig")
    # The columns as the file named them (its headers are Chinese), not the internal field names.
    assert "3,域名," in text and "4,公安机关代码," in text
    assert client.get(reverse("unregistered:import_errors", args=[run.pk])).status_code == 404
    signed_in(make_staff("supervisor", "330000"))
    assert client.get(reverse("legacy:import_errors", args=[run.pk])).status_code == 404


def test_upload_with_missing_columns_shows_a_clear_error(client, signed_in, supervisor):
    signed_in(supervisor)
    response = client.post(reverse("legacy:upload"), {"file": SimpleUploadedFile("l.csv", b"domain\na.cn\n")})
    assert response.status_code == 422 and "缺少必填列" in response.content.decode()


def test_a_large_upload_is_imported_in_the_background(client, signed_in, supervisor, settings,
                                                      django_capture_on_commit_callbacks):
    settings.IMPORT_BACKGROUND_BYTES = 100
    signed_in(supervisor)
    data = csv_bytes([plain_row(n) for n in range(20)] + [plain_row(99, domain="bad..cn")])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("legacy:upload"), {"file": SimpleUploadedFile("big.csv", data)})
    run = ImportRun.objects.get(kind="legacy")
    assert response.status_code == 302 and response["Location"] == reverse("legacy:import_run", args=[run.pk])
    run.refresh_from_db()
    assert (run.status, run.imported, len(run.errors), run.file.name) == ("done", 20, 1, "")
    page = client.get(response["Location"]).content.decode()
    assert "新增 20 条" in page
    from beian.imports.uploads import run_queued

    assert run_queued(run.pk) == "not queued"  # a second run of the task does nothing
    # Its importer is told, and finds it among their past imports with its counts and error report.
    message = SystemMessage.objects.get(user=supervisor, template="import_finished")
    assert "big.csv" in message.subject and "20" in message.body
    listed = client.get(reverse("exports:imports")).content.decode()
    assert reverse("legacy:import_run", args=[run.pk]) in listed
    assert reverse("legacy:import_errors", args=[run.pk]) in listed


def test_enforcement_list_export_and_formulas(client, signed_in, reviewer,
                                              django_capture_on_commit_callbacks):
    import_(plain_row(1, deadline="2020-01-01", website_name="=cmd|' /C calc'!A0", sponsor_name="+SUM(A1)"),
            plain_row(2, deadline="2099-01-01", website_name="@x"))
    signed_in(reviewer)
    page = client.get(reverse("legacy:enforcement")).content.decode()
    assert "old1.cn" in page and "old2.cn" not in page
    response = export(client, reverse("legacy:export", args=["csv"]), {"enforcement": "1"},
                      capture=django_capture_on_commit_callbacks)
    text = content(response).decode("utf-8-sig")
    assert "old1.cn" in text and "old2.cn" not in text and "'=cmd" in text and "'+SUM(A1)" in text
    assert AuditEntry.objects.filter(action="legacy_exported", actor=reviewer).count() == 1
    response = export(client, reverse("legacy:export", args=["xlsx"]),
                      capture=django_capture_on_commit_callbacks)
    cells = [cell.value for line in load_workbook(io.BytesIO(content(response))).active.iter_rows()
             for cell in line]
    assert "'@x" in cells
    assert client.post(reverse("legacy:export", args=["pdf"])).status_code == 404


def test_the_menu_links_the_claim_page_and_it_lists_pushed_records(client):
    applicant = submitted_applicant()
    _record()
    client.force_login(applicant)
    assert reverse("claims:mine") in client.get(reverse("accounts:menu")).content.decode()
    page = client.get(reverse("claims:mine")).content.decode()
    assert "云景旧官网" in page and NUMBER in page and f'action="{reverse("claims:claim")}"' in page


def test_claiming_a_pushed_record_opens_the_wizard_prefilled(client):
    owner = approved_sponsor(make_applicant()).owner
    record = _record()
    client.force_login(owner)
    response = client.post(reverse("claims:claim"), {"record": record.pk})
    application = WebsiteApplication.objects.get(owner=owner)
    assert response["Location"] == reverse("filings:step", args=[application.pk, "basic"])
    assert application.kind == "claim"
    page = client.get(reverse("claims:mine")).content.decode()
    assert reverse("filings:application", args=[application.pk]) in page


def test_an_unmatched_record_can_be_claimed_only_after_finding_it(client):
    owner = approved_sponsor(make_applicant()).owner
    record = _record(row(certificate_type="", certificate_number=""))
    client.force_login(owner)
    assert "云景旧官网" not in client.get(reverse("claims:mine")).content.decode()
    assert client.post(reverse("claims:claim"), {"record": record.pk}).status_code == 404  # no guessing ids
    page = client.get(reverse("claims:search"), {"q": "yunjing"}).content.decode()
    assert "云景旧官网" not in page  # not exact: nothing
    page = client.get(reverse("claims:search"), {"q": "yunjing-old.cn"}).content.decode()
    assert "云景旧官网" in page
    assert client.post(reverse("claims:claim"), {"record": record.pk}).status_code == 302
    assert WebsiteApplication.objects.get(owner=owner).kind == "claim"


def test_search_is_rate_limited(client):
    client.force_login(make_applicant())
    statuses = [client.get(reverse("claims:search"), {"q": f"site{n}.cn"}).status_code for n in range(11)]
    assert statuses[:10] == [200] * 10 and statuses[10] == 429


def test_claim_with_a_bad_or_missing_id_is_404(client):
    client.force_login(make_applicant())
    assert client.post(reverse("claims:claim"), {"record": "x"}).status_code == 404
    assert client.post(reverse("claims:claim"), {}).status_code == 404
    assert client.get(reverse("claims:claim")).status_code == 405


def test_staff_header_links_the_legacy_list(client, signed_in, reviewer):
    signed_in(reviewer)
    page = client.get(reverse("legacy:workbench")).content.decode()
    assert f'href="{reverse("legacy:workbench")}"' in page
