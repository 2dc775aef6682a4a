"""The pages: scope of every URL, upload with its error report, lists, enforcement, export."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from beian.core.models import Agency, AuditEntry
from beian.imports.models import ImportRun
from beian.sponsors import services as sponsor_services
from beian.unregistered.models import UnregisteredWebsite
from beian.unregistered.services import import_rows
from tests.factories import make_applicant, make_staff
from tests.imports.exporting import content, export
from tests.sponsors.helpers import ready_entity
from tests.unregistered.helpers import HEADER_ZH, csv_bytes, row

pytestmark = pytest.mark.usefixtures("reference_data")
PAST = datetime.date(2020, 1, 1)


def _import(*rows):
    import_rows(actor_label="test", rows=list(rows), allowed_agencies=Agency.objects.all())
    return UnregisteredWebsite.objects.order_by("pk").last()


def _workbench_urls(site_id):
    return [reverse("unregistered:workbench"), reverse("unregistered:enforcement"),
            reverse("unregistered:detail", args=[site_id]), reverse("unregistered:export", args=["csv"]),
            reverse("unregistered:upload"), reverse("unregistered:import_errors", args=[1]),
            reverse("unregistered:import_run", args=[1])]


def test_anonymous_visitors_are_sent_to_sign_in(client):
    site = _import(row())
    for url in [reverse("unregistered:mine"), *_workbench_urls(site.pk)]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_applicants_get_403_on_workbench_pages(client):
    site = _import(row())
    client.force_login(make_applicant())
    for url in _workbench_urls(site.pk):
        assert client.get(url).status_code == 403, url


def test_staff_get_403_on_the_applicant_page(client, signed_in, reviewer):
    signed_in(reviewer)
    assert client.get(reverse("unregistered:mine")).status_code == 403


def test_reviewers_may_not_upload(client, signed_in, reviewer):
    signed_in(reviewer)
    assert client.get(reverse("unregistered:upload")).status_code == 403


def test_a_reviewer_of_another_county_gets_404_on_items(client, signed_in, other_reviewer):
    site = _import(row())
    signed_in(other_reviewer)
    assert client.get(reverse("unregistered:detail", args=[site.pk])).status_code == 404
    page = client.get(reverse("unregistered:workbench"))
    assert "yunjing.cn" not in page.content.decode()


def test_the_reviewer_of_the_agency_sees_the_item(client, signed_in, reviewer):
    site = _import(row())
    signed_in(reviewer)
    page = client.get(reverse("unregistered:detail", args=[site.pk])).content.decode()
    assert "yunjing.cn" in page and "9111" in page and row()["certificate_number"] not in page  # masked


def test_supervisor_uploads_a_gbk_csv_and_downloads_the_error_report(client, signed_in, supervisor):
    signed_in(supervisor)
    data = csv_bytes([row("a.cn"), row("b.cn", ip="bad"), row("c.cn", agency_code="330106"),
                      row("d.cn", found_where="=HYPERLINK(\"http://evil\")", ip="nope")],
                     header=HEADER_ZH, encoding="gbk")
    response = client.post(reverse("unregistered:upload"),
                           {"file": SimpleUploadedFile("sites.csv", data, content_type="text/csv")})
    assert response.status_code == 200
    page = response.content.decode()
    assert "新增 1 条，更新 0 条" in page
    assert list(UnregisteredWebsite.objects.values_list("domain", flat=True)) == ["a.cn"]
    run = ImportRun.objects.get()
    report = client.get(reverse("unregistered:import_errors", args=[run.pk]))
    text = report.content.decode("utf-8-sig")
    assert report["Content-Type"].startswith("text/csv")
    # The columns as the file named them (its headers are Chinese), not the internal field names.
    assert "3,IP地址," in text and "4,公安机关代码," in text and "5,IP地址," in text
    assert "agency_code" not in text
    # Another supervisor cannot fetch this report.
    signed_in(make_staff("supervisor", "330000"))
    assert client.get(reverse("unregistered:import_errors", args=[run.pk])).status_code == 404


def test_upload_with_missing_columns_shows_a_clear_error(client, signed_in, supervisor):
    signed_in(supervisor)
    response = client.post(reverse("unregistered:upload"), {
        "file": SimpleUploadedFile("sites.csv", b"domain,ip\na.cn,1.2.3.4\n", content_type="text/csv")})
    assert response.status_code == 422
    assert "缺少必填列" in response.content.decode()
    assert not UnregisteredWebsite.objects.exists()


def test_upload_page_documents_the_columns(client, signed_in, supervisor):
    signed_in(supervisor)
    page = client.get(reverse("unregistered:upload")).content.decode()
    for header in ("domain", "公安机关代码", "certificate_number", "deadline"):
        assert header in page


def test_system_administrator_uploads_for_any_agency(client, signed_in):
    signed_in(make_staff("system_administrator"))
    data = csv_bytes([row("a.cn", agency_code="330106")])
    client.post(reverse("unregistered:upload"), {"file": SimpleUploadedFile("s.csv", data)})
    assert UnregisteredWebsite.objects.filter(domain="a.cn").exists()


def test_enforcement_list_shows_only_overdue_open_websites(client, signed_in, reviewer):
    _import(row("late.cn", deadline=PAST.isoformat()), row("early.cn", deadline="2099-01-01"),
            row("filed.cn", deadline=PAST.isoformat()))
    UnregisteredWebsite.objects.filter(domain="filed.cn").update(status="filed")
    signed_in(reviewer)
    page = client.get(reverse("unregistered:enforcement")).content.decode()
    assert "late.cn" in page and "early.cn" not in page and "filed.cn" not in page
    page = client.get(reverse("unregistered:workbench") + "?overdue=on").content.decode()
    assert "late.cn" in page and "early.cn" not in page


def test_export_is_audited_and_neutralises_formulas(client, signed_in, reviewer,
                                                    django_capture_on_commit_callbacks):
    _import(row("late.cn", deadline=PAST.isoformat(), found_where="=cmd|' /C calc'!A0",
                sponsor_name="+SUM(A1)"), row("early.cn", found_where="@x", sponsor_name="-1"))
    signed_in(reviewer)
    response = export(client, reverse("unregistered:export", args=["csv"]), {"enforcement": "1"},
                      capture=django_capture_on_commit_callbacks)
    text = content(response).decode("utf-8-sig")
    assert "late.cn" in text and "early.cn" not in text
    assert "'=cmd" in text and "'+SUM(A1)" in text
    assert AuditEntry.objects.filter(action="unregistered_exported", actor=reviewer).count() == 1
    response = export(client, reverse("unregistered:export", args=["xlsx"]),
                      capture=django_capture_on_commit_callbacks)
    cells = [cell.value for line in load_workbook(io.BytesIO(content(response))).active.iter_rows()
             for cell in line]
    assert "'@x" in cells and "'-1" in cells
    assert client.post(reverse("unregistered:export", args=["pdf"])).status_code == 404


def test_applicant_sees_pushed_websites_with_deadline_and_file_it(client):
    applicant = make_applicant()
    ready_entity(applicant)
    sponsor_services.submit_sponsor_entity(actor=applicant)
    site = _import(row("例子.中国", deadline="2026-12-31"))
    client.force_login(applicant)
    page = client.get(reverse("unregistered:mine")).content.decode()
    assert "例子.中国" in page and "2026-12-31" in page
    assert f'action="{reverse("unregistered:file_it", args=[site.pk])}"' in page
    menu = client.get(reverse("accounts:menu")).content.decode()
    assert reverse("unregistered:mine") in menu


def test_the_header_links_staff_to_the_workbench_list(client, signed_in, reviewer):
    signed_in(reviewer)
    page = client.get(reverse("unregistered:workbench")).content.decode()
    assert f'href="{reverse("unregistered:workbench")}"' in page
    client.force_login(make_applicant())
    page = client.get(reverse("unregistered:mine")).content.decode()
    assert f'href="{reverse("unregistered:workbench")}"' not in page


def test_file_it_opens_the_new_website_wizard_prefilled(client):
    from beian.filings.models import WebsiteApplication

    applicant = make_applicant()
    ready_entity(applicant)
    sponsor_services.submit_sponsor_entity(actor=applicant)
    site = _import(row("例子.中国"))
    url = reverse("unregistered:file_it", args=[site.pk])
    client.force_login(make_applicant())
    assert client.post(url).status_code == 404  # not pushed to this applicant
    client.force_login(applicant)
    assert client.get(url).status_code == 405
    response = client.post(url)
    application = WebsiteApplication.objects.get(owner=applicant)
    assert response["Location"] == reverse("filings:step", args=[application.pk, "basic"])
    assert application.kind == WebsiteApplication.Kind.NEW
    assert application.domain_list == ["例子.中国"] and application.ips == ["61.135.169.121"]

