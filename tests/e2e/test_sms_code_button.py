"""Registration with the "获取验证码" button (issue 18 item 4, ADR 0112): the code is sent before the
form, the button counts down from 60 seconds, and the form with the code activates the account at once."""

import re

from playwright.sync_api import expect

from tests.e2e.accounts_helpers import clean_limits, code_sent_to, pass_the_human_check  # noqa: F401

MOBILE = "13857021847"
PASSWORD = "Harbour-light-42"


def test_the_code_comes_before_the_form_and_the_form_activates_the_account(page, accessible,
                                                                            clean_limits):  # noqa: F811
    page.clock.install()
    page.goto("/accounts/register/")
    page.locator("input[name=username]").fill("button_site")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("input[name=real_name]").fill("周杰")
    page.locator("input[name=mobile]").fill(MOBILE)
    page.locator("input[name=email]").fill("button@example.cn")
    pass_the_human_check(page)
    button = page.get_by_role("button", name="获取验证码")
    button.click()

    expect(page.locator("[data-send-code-status]")).to_contain_text("138****1847")
    expect(page.locator("[data-send-code]")).to_have_text(re.compile(r"^\d+ 秒后重新获取$"))
    expect(page.locator("[data-send-code]")).to_be_disabled()
    expect(page.locator("input[name=code]")).to_be_focused()
    expect(page.locator(".human-check")).to_be_hidden()
    page.clock.run_for(61_000)
    expect(page.locator("[data-send-code]")).to_have_text("获取验证码")
    expect(page.locator(".human-check")).to_be_visible()
    accessible(page)

    page.locator("input[name=code]").fill(code_sent_to(MOBILE))
    page.locator("button[type=submit].button").click()
    expect(page).to_have_url(re.compile(r"/accounts/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("我的账户")
