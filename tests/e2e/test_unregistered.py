"""Unregistered websites (issue 7 items 6–8) in the browser: a supervisor uploads a CSV in the
workbench; the applicant whose sponsor certificate matches finds the website in the account menu,
with its deadline; the enforcement list and the upload page are accessible."""

from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from beian.sponsors import services
from beian.unregistered.models import UnregisteredWebsite
from tests.e2e.staff_helpers import code_for_key_hex, sign_in, sign_out
from tests.sponsors.helpers import make_applicant, ready_entity
from tests.staff.conftest import PASSWORD as STAFF_PASSWORD
from tests.staff.conftest import make_user
from tests.unregistered.helpers import HEADER_ZH, csv_bytes, row

APPLICANT_PASSWORD = "Tiger-lily-2026"


def test_supervisor_uploads_and_the_applicant_sees_the_website(page, accessible):
    applicant = make_applicant("yunjing_admin")
    ready_entity(applicant)
    services.submit_sponsor_entity(actor=applicant)
    supervisor = make_user("supervisor", "110000", username="beijing_supervisor")

    sign_in(page, supervisor.username, STAFF_PASSWORD)
    device = TOTPDevice.objects.get(user=supervisor)
    page.locator("input[name='code']").fill(code_for_key_hex(device.key))
    page.locator("main form button[type='submit']").first.click()
    page.goto("/unregistered/workbench/upload/")
    expect(page.locator("h1")).to_have_text("导入未备案网站")
    accessible(page)
    data = csv_bytes([row("yunjing.cn", deadline="2099-12-31"), row("bad.cn", ip="not-an-ip"),
                      row("late.cn", deadline="2020-01-01", certificate_type="", certificate_number="")],
                     header=HEADER_ZH, encoding="gbk")
    page.locator("input[name='file']").set_input_files(
        files=[{"name": "sites.csv", "mimeType": "text/csv", "buffer": data}])
    page.locator("main form button[type='submit']").click()
    expect(page.locator("#result-title")).to_have_text("导入完成")
    expect(page.locator("main")).to_contain_text("新增 2 条")
    expect(page.locator("main table").first).to_contain_text("ip")
    accessible(page)
    page.goto("/unregistered/workbench/overdue/")
    expect(page.locator("main")).to_contain_text("late.cn")
    expect(page.locator("main table")).not_to_contain_text("yunjing.cn")
    accessible(page)
    page.get_by_role("link", name="late.cn").click()
    expect(page.locator("h1")).to_have_text("late.cn")
    accessible(page)
    sign_out(page)

    sign_in(page, applicant.username, APPLICANT_PASSWORD)
    page.goto("/accounts/")
    accessible(page)
    page.get_by_role("link", name="未备案网站").click()
    expect(page.locator("h1")).to_have_text("未备案网站")
    expect(page.locator("main table")).to_contain_text("yunjing.cn")
    expect(page.locator("main table")).to_contain_text("2099-12-31")
    site = UnregisteredWebsite.objects.get(domain="yunjing.cn")
    file_it = page.locator("main table a.button")
    expect(file_it).to_have_attribute("href", f"/filings/new/?unregistered={site.pk}")
    accessible(page)
    page.goto("/messages/")
    expect(page.locator("main")).to_contain_text("yunjing.cn")
    accessible(page)
