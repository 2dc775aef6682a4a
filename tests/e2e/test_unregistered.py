"""Unregistered websites (issue 7 items 6–8) in the browser: a supervisor uploads a CSV in the
workbench; the applicant whose sponsor certificate matches finds the website in the account menu,
with its deadline; the enforcement list and the upload page are accessible."""

from playwright.sync_api import expect

from beian.sponsors import services
from beian.unregistered.models import UnregisteredWebsite
from tests.e2e.staff_helpers import sign_in, sign_in_with_second_factor, sign_out
from tests.factories import PASSWORD, STAFF_PASSWORD, make_applicant, make_reviewer, make_staff
from tests.sponsors.helpers import ready_entity
from tests.unregistered.helpers import HEADER_ZH, csv_bytes, row


def test_supervisor_uploads_and_the_applicant_sees_the_website(page, accessible):
    applicant = make_applicant("yunjing_admin")
    ready_entity(applicant)
    services.submit_sponsor_entity(actor=applicant)
    supervisor = make_staff("supervisor", "110000", username="beijing_supervisor")

    sign_in_with_second_factor(page, supervisor, STAFF_PASSWORD)
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
    expect(page.locator("main table").first).to_contain_text("IP地址")  # the column as the file named it
    accessible(page)
    page.goto("/unregistered/workbench/overdue/")
    expect(page.locator("main")).to_contain_text("late.cn")
    expect(page.locator("main table")).not_to_contain_text("yunjing.cn")
    accessible(page)
    page.get_by_role("link", name="late.cn").click()
    expect(page.locator("h1")).to_have_text("late.cn")
    accessible(page)
    sign_out(page)

    sign_in(page, applicant.username, PASSWORD)
    page.goto("/accounts/")
    accessible(page)
    page.get_by_role("link", name="未备案网站").click()
    expect(page.locator("h1")).to_have_text("未备案网站")
    expect(page.locator("main table")).to_contain_text("yunjing.cn")
    expect(page.locator("main table")).to_contain_text("2099-12-31")
    site = UnregisteredWebsite.objects.get(domain="yunjing.cn")
    file_it = page.locator("main table form")
    expect(file_it).to_have_attribute("action", f"/unregistered/{site.pk}/file-it/")
    accessible(page)
    page.goto("/messages/")
    expect(page.locator("main")).to_contain_text("yunjing.cn")
    accessible(page)


def test_file_it_files_the_website_and_the_entry_closes(page, accessible):
    from beian.core.models import Agency
    from beian.unregistered.services import import_rows
    from tests.e2e.test_claim_journey import approve_in_workbench, complete_wizard_from_basic
    from tests.filings.helpers import approved_sponsor, notice

    sponsor = approved_sponsor(make_applicant("yunjing_filer"))
    notice()
    import_rows(actor_label="test", rows=[row("yunjing-found.cn", deadline="2099-12-31")],
                allowed_agencies=Agency.objects.all())
    reviewer = make_reviewer("110105", username="chaoyang_found_officer")

    sign_in(page, sponsor.owner.username, PASSWORD)
    page.goto("/unregistered/")
    expect(page.locator("main table")).to_contain_text("yunjing-found.cn")
    page.locator("main table form button").click()
    expect(page.locator("#id_main_domain")).to_have_value("yunjing-found.cn")
    expect(page.locator("#id_ips")).to_have_value("61.135.169.121")
    complete_wizard_from_basic(page, accessible, name="云景发现站")
    sign_out(page)

    approve_in_workbench(page, accessible, reviewer, "云景发现站")
    site = UnregisteredWebsite.objects.get(domain="yunjing-found.cn")
    assert site.status == UnregisteredWebsite.Status.FILED

    sign_in(page, sponsor.owner.username, PASSWORD)
    page.goto("/unregistered/")
    expect(page.locator("main")).not_to_contain_text("yunjing-found.cn")
    accessible(page)
