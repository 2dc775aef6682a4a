"""The staff home on a phone (375 px wide): a reviewer's items and appointments and a supervisor's
team load read as cards, with no sideways scrolling, and pass the accessibility check."""

from playwright.sync_api import expect

from tests.e2e.staff_helpers import sign_in_with_second_factor, sign_out
from tests.factories import STAFF_PASSWORD as PASSWORD
from tests.factories import make_staff
from tests.staff.home_helpers import booked_today, open_item

PHONE = {"width": 375, "height": 800}


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_reviewer_and_supervisor_homes_fit_a_phone(page, accessible):
    reviewer = make_staff("reviewer", "110105", username="chaoyang_reviewer")
    supervisor = make_staff("supervisor", "110105", username="chaoyang_supervisor")
    open_item("110105", "北京某某科技有限公司的一个名称很长很长的网站", days_ago=60, assignee=reviewer)
    open_item("110105", "尚无人领取的网站")
    booked_today(reviewer)
    page.set_viewport_size(PHONE)

    sign_in_with_second_factor(page, reviewer, PASSWORD)
    page.goto("/staff/")
    expect(page.get_by_role("heading", name="分配给您的事项")).to_be_visible()
    expect(page.get_by_role("link", name="北京某某科技有限公司的一个名称很长很长的网站")).to_be_visible()
    expect(page.get_by_role("heading", name="今明两天的面审和现场检查")).to_be_visible()
    assert _fits_the_screen(page)
    accessible(page)
    sign_out(page)

    sign_in_with_second_factor(page, supervisor, PASSWORD, steps_ahead=1)
    page.goto("/staff/")
    expect(page.get_by_role("heading", name="本单位工作量")).to_be_visible()
    assert _fits_the_screen(page)
    accessible(page)
