"""Agency contact details in the browser (issue 13): the dashboard tells the supervisor that their agency
has no telephone, the link leads to the form, a wrong number is explained, a right one is saved and the
warning is gone; the system administrator finds the agencies still without a telephone."""

from playwright.sync_api import expect

from beian.core.models import Agency
from tests.e2e.staff_helpers import sign_in_with_second_factor, sign_out
from tests.factories import STAFF_PASSWORD, make_staff


def test_a_supervisor_fills_in_the_missing_telephone_and_the_administrator_finds_the_rest(page, accessible):
    supervisor = make_staff("supervisor", "330106", username="xihu_supervisor")
    administrator = make_staff("system_administrator", username="platform_admin")

    sign_in_with_second_factor(page, supervisor, STAFF_PASSWORD)
    page.goto("/review/dashboard/")
    warning = page.locator(".notice-warning")
    expect(warning).to_contain_text("尚未填写联系电话")
    accessible(page)
    warning.get_by_role("link", name="填写本机关联系电话").click()
    expect(page.locator("h1")).to_have_text("联系方式")
    accessible(page)

    page.get_by_label("联系电话").fill("010-1234")
    page.get_by_label("办公时间").fill("工作日 9:00–17:00")
    page.get_by_role("button", name="保存联系方式").click()
    expect(page.locator(".error-summary")).to_contain_text("区号")
    expect(page.get_by_label("办公时间")).to_have_value("工作日 9:00–17:00")
    accessible(page)

    # Full-width, as a Chinese keyboard types it.
    page.get_by_label("联系电话").fill("０５７１－８６０８１２３４")
    page.get_by_role("button", name="保存联系方式").click()
    expect(page.locator(".notice-success")).to_be_visible()
    expect(page.get_by_label("联系电话")).to_have_value("0571-86081234")
    assert Agency.objects.get(code="330106").telephone == "0571-86081234"
    page.goto("/review/dashboard/")
    expect(page.locator(".notice-warning")).to_have_count(0)
    sign_out(page)

    sign_in_with_second_factor(page, administrator, STAFF_PASSWORD, steps_ahead=1)
    page.goto("/staff/")
    page.get_by_role("link", name="公安机关联系方式").click()
    page.get_by_label("按机关代码或名称搜索").fill("3301")
    page.get_by_label("仅显示未填写电话的在用机关").check()
    page.get_by_role("button", name="搜索").click()
    table = page.locator("table.data-table")
    expect(table).to_contain_text("330102")
    expect(table).not_to_contain_text("330106")
    accessible(page)
