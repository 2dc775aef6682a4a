import re

from playwright.sync_api import expect

from tests.e2e.accounts_helpers import clean_limits, code_sent_to, pass_the_human_check  # noqa: F401

MOBILE = "13857021846"
PASSWORD = "Harbour-light-42"


def test_register_activate_sign_out_and_sign_in(page, accessible, clean_limits):  # noqa: F811
    page.goto("/")
    page.get_by_role("link", name="注册").first.click()
    expect(page).to_have_url(re.compile(r"/accounts/register/$"))
    accessible(page)

    page.locator("input[name=username]").fill("zhou_site")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill("not the same")
    page.locator("input[name=real_name]").fill("周杰")
    page.locator("input[name=mobile]").fill(MOBILE)
    page.locator("input[name=email]").fill("zhou@example.cn")
    pass_the_human_check(page)
    page.locator("button[type=submit].button").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    expect(page.locator("input[name=real_name]")).to_have_value("周杰")
    accessible(page)

    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    pass_the_human_check(page)
    page.locator("button[type=submit].button").click()
    expect(page).to_have_url(re.compile(r"/accounts/register/verify/$"))
    expect(page.get_by_text("138****1846")).to_be_visible()
    accessible(page)

    page.locator("input[name=code]").fill(code_sent_to(MOBILE))
    page.locator("button[type=submit].button").click()
    expect(page).to_have_url(re.compile(r"/accounts/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("我的账户")
    accessible(page)

    page.locator("form[action='/accounts/logout/'] button").click()
    page.goto("/accounts/login/")
    accessible(page)
    page.locator("input[name=username]").fill(MOBILE)
    page.locator("input[name=password]").fill(PASSWORD)
    pass_the_human_check(page)
    page.locator("button[type=submit].button").click()
    expect(page).to_have_url(re.compile(r"/accounts/$"))
    accessible(page)


def test_the_text_question_replaces_the_picture(page, accessible, clean_limits):  # noqa: F811
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill("someone")
    page.get_by_role("button", name="看不清图片？改为回答问题").click()
    expect(page.get_by_text("等于几")).to_be_visible()
    expect(page.locator("input[name=username]")).to_have_value("someone")
    accessible(page)
