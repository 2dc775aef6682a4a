"""The review queue in a browser: a supervisor gives two items to a reviewer in one go, the rows are
reached from the keyboard in a few Tab presses, the shortcuts move between rows, and on a phone (375 px)
the rows are cards with no sideways scrolling."""

from playwright.sync_api import expect

from beian.review.models import ReviewItem
from tests.e2e.staff_helpers import sign_in_with_second_factor
from tests.factories import STAFF_PASSWORD as PASSWORD
from tests.factories import make_staff
from tests.staff.home_helpers import open_item

PHONE = {"width": 375, "height": 800}


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _tabs_to_the_first_row(page, limit: int = 3) -> int:
    """Tab presses from page load until the first row (or something in it) has the focus; a skip link
    met on the way is followed with Enter, as a keyboard user does."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "跳到列表":
            page.keyboard.press("Enter")
        in_first_row = page.evaluate(
            "!!document.activeElement.closest && document.activeElement.closest('tr[data-item]')"
            " === document.querySelector('tr[data-item]')")
        if in_first_row:
            return presses
    return limit + 1


def test_a_supervisor_assigns_two_items_from_the_keyboard_friendly_queue(page, accessible):
    supervisor = make_staff("supervisor", "110105", username="chaoyang_supervisor")
    reviewer = make_staff("reviewer", "110105", username="chaoyang_reviewer")
    first = open_item("110105", "北京某某科技有限公司的一个名称很长很长的网站", days_ago=20)
    second = open_item("110105", "第二个网站", days_ago=10)
    third = open_item("110105", "第三个网站")

    sign_in_with_second_factor(page, supervisor, PASSWORD)
    page.goto("/review/")
    expect(page.get_by_role("heading", name="审核队列")).to_be_visible()
    assert _tabs_to_the_first_row(page) <= 3
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.dataset.item") == str(second.pk)
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.dataset.item") == str(first.pk)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "search"
    page.keyboard.press("j")  # typed into the search field, not a shortcut
    assert page.locator("input[name='search']").input_value() == "j"
    accessible(page)

    page.get_by_label("勾选“北京某某科技有限公司的一个名称很长很长的网站”").check()
    page.get_by_label("勾选“第二个网站”").check()
    page.get_by_label("将勾选的事项分配给").select_option(str(reviewer.pk))
    page.get_by_role("button", name="分配勾选的事项").click()
    expect(page.get_by_text("已分配 2 项。")).to_be_visible()
    given = set(ReviewItem.objects.filter(assignee=reviewer).values_list("pk", flat=True))
    assert given == {first.pk, second.pk}, list(ReviewItem.objects.values_list("pk", "assignee", "title"))

    page.locator(f"tr[data-item='{third.pk}']").focus()
    page.keyboard.press("a")  # assign the focused row to me
    expect(page.get_by_text("已分配 1 项。")).to_be_visible()
    assert ReviewItem.objects.get(pk=third.pk).assignee == supervisor
    page.locator(f"tr[data-item='{third.pk}']").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"/review/{third.pk}/")

    page.set_viewport_size(PHONE)
    page.goto("/review/")
    expect(page.get_by_role("link", name="第三个网站")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('tr[data-item]')).display") == "block"
    assert _fits_the_screen(page)
    accessible(page)
