import re

from playwright.sync_api import expect


def test_a_visitor_reads_the_landing_page_in_chinese_then_in_english(page, accessible):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.get_by_role("heading", level=1)).to_have_text("向公安机关备案您的网站")
    expect(page.get_by_role("heading", name="需要准备的材料")).to_be_visible()
    accessible(page)

    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "File your website with the public security organs")
    expect(page.get_by_role("heading", name="Materials to prepare")).to_be_visible()
    accessible(page)


def test_the_language_switch_keeps_the_visitor_on_the_sign_in_page(page, accessible):
    page.goto("/accounts/login/")
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    accessible(page)
