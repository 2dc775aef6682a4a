import csv
import io

import pytest
from openpyxl import load_workbook

from beian.core.models import AuditEntry
from beian.review import services
from tests.imports.exporting import content, export

pytestmark = pytest.mark.django_db


def test_the_queue_page_lists_items_with_days_left(client, submit, staff, signed_in):
    submit(title="云栖科技")
    signed_in(staff("reviewer", "330106"))
    page = client.get("/review/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "云栖科技" in page and "working days left" in page and "1 item" in page


def test_applicants_and_other_roles_are_refused(client, staff, signed_in, reference_data):
    from beian.accounts.models import User

    applicant = User.objects.create_user("applicant_1", password="x")
    client.force_login(applicant)
    for url in ("/review/", "/review/dashboard/", "/review/export.csv"):
        assert client.get(url).status_code == 403, url
    signed_in(staff("auditor"))
    assert client.get("/review/").status_code == 403


def test_detail_outside_the_jurisdiction_is_404(client, submit, staff, signed_in):
    item = submit("330106")
    signed_in(staff("reviewer", "330102"))
    assert client.get(f"/review/{item.pk}/").status_code == 404
    assert client.post(f"/review/{item.pk}/assign/").status_code == 404
    assert client.post(f"/review/{item.pk}/decide/approve/", {"note": "x"}).status_code == 404


def test_take_decide_and_see_the_history(client, submit, staff, signed_in):
    item = submit()
    signed_in(staff("reviewer", "330106"))
    detail = client.get(f"/review/{item.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Take this item" in detail and "History" in detail
    client.post(f"/review/{item.pk}/assign/")
    refused = client.post(f"/review/{item.pk}/decide/approve/", {"note": ""}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400 and "There is a problem" in refused.content.decode()
    done = client.post(f"/review/{item.pk}/decide/approve/", {"note": "ok"})
    assert done.status_code == 302
    item.refresh_from_db()
    assert item.status == "approved" and not item.is_open
    again = client.post(f"/review/{item.pk}/decide/approve/", {"note": "ok"}, follow=True,
                        HTTP_ACCEPT_LANGUAGE="en")
    assert "not possible any more" in again.content.decode()
    assert client.post(f"/review/{item.pk}/decide/nonsense/").status_code == 404


def test_supervisor_dashboard_and_audited_exports_that_neutralise_formulas(client, submit, staff, signed_in,
                                                                         django_capture_on_commit_callbacks):
    reviewer = staff("reviewer", "330106")
    submit(title="=HYPERLINK(\"http://evil\")")
    returned = submit(title="退回的")
    services.record_decision(subject=returned.subject, actor=reviewer, action="returned",
                             to_status="returned", reasons=[{"code": "photo_unclear", "text": "t"}],
                             closes=True)
    signed_in(staff("supervisor", "330100"))
    dashboard = client.get("/review/dashboard/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Open items" in dashboard and "unclear" in dashboard
    csv_file = export(client, "/review/export.csv", capture=django_capture_on_commit_callbacks)
    rows = list(csv.reader(io.StringIO(content(csv_file).decode("utf-8-sig"))))
    assert rows[1][1].startswith("'=HYPERLINK")
    workbook = load_workbook(io.BytesIO(
        content(export(client, "/review/export.xlsx", capture=django_capture_on_commit_callbacks))))
    assert workbook.active.cell(row=2, column=2).value.startswith("'=")
    assert AuditEntry.objects.filter(action="review_queue_exported").count() == 2
    assert client.post("/review/export.pdf").status_code == 404
    assert client.get("/review/export.csv").status_code == 405
    signed_in(reviewer)
    assert client.get("/review/dashboard/").status_code == 403


def test_the_queue_export_keeps_the_queue_filters_and_the_supervisor_scope(
        client, submit, staff, signed_in, django_capture_on_commit_callbacks):
    submit("330106", title="云栖科技")
    submit("330106", title="西湖茶叶")
    submit("330203", title="宁波港务")  # outside the supervisor's jurisdiction
    signed_in(staff("supervisor", "330100"))
    assert 'action="/review/export.csv?search=' in client.get("/review/", {"search": "西湖"}).content.decode()
    download = export(client, "/review/export.csv", {"search": "西湖"},
                      capture=django_capture_on_commit_callbacks)
    titles = [row[1] for row in csv.reader(io.StringIO(content(download).decode("utf-8-sig")))][1:]
    assert titles == ["西湖茶叶"]
    everything = export(client, "/review/export.csv", capture=django_capture_on_commit_callbacks)
    titles = [row[1] for row in csv.reader(io.StringIO(content(everything).decode("utf-8-sig")))][1:]
    assert sorted(titles) == sorted(["云栖科技", "西湖茶叶"])
    # "My exports" names the list each run came from.
    assert client.get("/workbench/exports/").content.decode().count("<td>审核队列</td>") == 2
