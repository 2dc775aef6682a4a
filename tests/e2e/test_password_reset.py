import re

from playwright.sync_api import expect

from beian.accounts.models import User
from tests.e2e.accounts_helpers import clean_limits, code_sent_to, pass_the_human_check  # noqa: F401
from tests.factories import make_applicant

MOBILE = "13757021846"
NEW_PASSWORD = "Maple-road-2031"


def test_reset_the_password_with_an_sms_code(page, accessible, clean_limits):  # noqa: F811
    make_applicant("chen_reset", mobile=MOBILE, email="chen@example.cn")
    page.goto("/accounts/login/")
    page.get_by_role("link", name=re.compile("忘记密码")).click()
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/$"))
    accessible(page)

    page.locator("input[name=username]").fill("chen_reset")
    pass_the_human_check(page)
    page.locator("button[type=submit].button").click()
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/verify/$"))
    accessible(page)

    page.locator("input[name=code]").fill(code_sent_to(MOBILE))
    page.locator("input[name=password1]").fill(NEW_PASSWORD)
    page.locator("input[name=password2]").fill(NEW_PASSWORD)
    page.locator("button[type=submit].button").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    accessible(page)
    assert User.objects.get(username="chen_reset").check_password(NEW_PASSWORD)

    page.locator("input[name=username]").fill("chen_reset")
    page.locator("input[name=password]").fill(NEW_PASSWORD)
    pass_the_human_check(page)
    page.locator("button[type=submit].button").click()
    expect(page).to_have_url(re.compile(r"/accounts/$"))
    accessible(page)
