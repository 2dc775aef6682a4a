"""The item page with the keyboard alone (issue 17): a reviewer clears five non-interactive websites —
"j" and Enter open the first from the queue, "a" takes the item, "d" goes to the first decision, Enter
approves, Enter confirms on the page that names the consequence, and the next item opens. The page
passes the accessibility check wide and narrow, the decision panel is sticky only on wide screens, the
ID photos open large in the viewer and the keys do nothing inside a text field."""

import re

from playwright.sync_api import expect

from beian.filings.models import Website
from beian.review.models import ReviewItem
from tests.e2e.staff_helpers import sign_in_with_second_factor
from tests.factories import STAFF_PASSWORD, make_applicant, make_staff
from tests.filings.helpers import approved_sponsor, submitted_application

CONFIRM = "main form:has(input[name='confirmed']) button[type='submit']"


def _take_and_approve_with_keys(page) -> None:
    page.keyboard.press("a")
    expect(page.locator("main")).to_contain_text("退回队列")  # taken: it can be put back
    page.keyboard.press("d")
    approve = page.locator("#decision-panel form[action$='/decide/approve/'] button[type='submit']")
    expect(approve).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("批准后将签发公安联网备案编号，此操作不可撤销。")
    expect(page.locator(CONFIRM)).to_be_focused()
    page.keyboard.press("Enter")


NAMES = ("云景键盘一号站", "云景键盘二号站", "云景键盘三号站", "云景键盘四号站", "云景键盘五号站")


def test_a_reviewer_clears_five_websites_with_the_keyboard(page, accessible):
    sponsor = approved_sponsor(make_applicant("keyboard_owner"))
    applications = [submitted_application(sponsor, name=name) for name in NAMES]
    items = [ReviewItem.objects.get(kind="new_website", subject_id=application.pk)
             for application in applications]
    first, first_item = applications[0], items[0]
    reviewer = make_staff("reviewer", first.agency.code, username="keyboard_reviewer")

    sign_in_with_second_factor(page, reviewer, STAFF_PASSWORD)
    page.goto("/review/?kind=new_website")
    page.keyboard.press("j")  # the queue's first row
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/review/{first_item.pk}/$"))

    page.set_viewport_size({"width": 1280, "height": 900})
    panel = page.locator("#decision-panel")
    assert panel.evaluate("element => getComputedStyle(element).position") == "sticky"
    accessible(page)
    page.set_viewport_size({"width": 375, "height": 800})
    assert panel.evaluate("element => getComputedStyle(element).position") == "static"
    accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    # The ID photos: thumbnails that open large, turn and close with Escape.
    page.locator("[data-document-enlarge]").first.click()
    viewer = page.locator("#document-viewer")
    expect(viewer).to_be_visible()
    viewer.locator("[data-viewer='rotate']").click()
    assert "rotate(90deg)" in viewer.locator("img").evaluate("image => image.style.transform")
    page.keyboard.press("Escape")
    expect(viewer).to_be_hidden()

    # Typing in a field never triggers a key: "n" in the note stays a letter.
    page.locator("details:has(form[action$='/decide/return/']) > summary").click()
    note = page.locator("form[action$='/decide/return/'] textarea[name='note']")
    note.press_sequentially("nap")
    expect(note).to_have_value("nap")
    expect(page).to_have_url(re.compile(rf"/review/{first_item.pk}/$"))
    note.fill("")
    page.locator("h1").click()

    for following, name in zip(items[1:], NAMES[1:], strict=True):
        _take_and_approve_with_keys(page)
        expect(page).to_have_url(re.compile(rf"/review/{following.pk}/$"))
        expect(page.locator("h1")).to_have_text(name)
    _take_and_approve_with_keys(page)
    expect(page).to_have_url(re.compile(r"/review/$"))

    for application in applications:
        assert Website.objects.get(application=application).record_number
