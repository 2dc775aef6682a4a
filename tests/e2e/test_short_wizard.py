"""Short forms in the browser (issue 18 item 2): a non-interactive website without pre-approvals sees
no pre-approval numbers and no interactive services; ticking an answer brings its fields; each step of
the wizard fits in one screen of 1280 × 1024 px: its fields and buttons are in view without scrolling."""

import re

from playwright.sync_api import expect

from tests.e2e.staff_helpers import sign_in
from tests.factories import make_applicant
from tests.filings.helpers import approved_sponsor, notice

PASSWORD = "Tiger-lily-2026"
SCREEN = {"width": 1280, "height": 1024}


def _height(page) -> int:
    """Where the step's buttons end: everything to answer and the way on are in view without scrolling
    (the site's footer may lie below)."""
    return page.evaluate("document.querySelector('.wizard-buttons').getBoundingClientRect().bottom"
                         " + window.scrollY")


def test_fields_appear_only_when_their_answer_applies_and_each_step_fits_a_screen(page, accessible):
    approved_sponsor(make_applicant("short_forms"))
    notice()
    page.set_viewport_size(SCREEN)
    sign_in(page, "short_forms", PASSWORD)
    page.goto("/filings/new/")
    page.locator("main form[action='/filings/new/'] button").click()
    expect(page).to_have_url(re.compile(r"/filings/\d+/step/basic/$"))

    interactive_services = page.locator("[data-shown-when='interactive=yes']")
    expect(interactive_services).to_be_hidden()
    numbers = page.locator("[data-shown-when^='pre_approvals=']")
    assert numbers.count() > 0
    for index in range(numbers.count()):
        expect(numbers.nth(index)).to_be_hidden()
    heights = {"basic": _height(page)}
    accessible(page)

    page.check("input[name='interactive'][value='yes']")
    expect(interactive_services).to_be_visible()
    page.check("input[name='interactive'][value='no']")
    expect(interactive_services).to_be_hidden()
    first = page.locator("input[name='pre_approvals']").first
    code = first.get_attribute("value")
    first.check()
    expect(page.locator(f"[data-shown-when='pre_approvals={code}']")).to_have_count(2)
    for index in range(2):
        expect(page.locator(f"[data-shown-when='pre_approvals={code}']").nth(index)).to_be_visible()
    first.uncheck()
    expect(page.locator(f"[data-shown-when='pre_approvals={code}']").first).to_be_hidden()
    expect(page.locator("label[for='id_registrar']")).to_contain_text("（选填）")

    for step in ("leaders", "prompt"):
        page.locator("button[name='action'][value='continue']").click()
        expect(page).to_have_url(re.compile(rf"/step/{step}/$"))
        if step == "leaders":
            page.check("#id_security_same_as_person_in_charge")
            page.check("#id_emergency_same_as_person_in_charge")
        heights[step] = _height(page)
    for step, height in heights.items():
        assert height <= SCREEN["height"], f"{step}: {height} px"
