"""The idle sign-out warning (SPEC §8): two minutes before the end of the idle period a dialog asks
whether the person is still there; "stay signed in" extends the session and the dialog goes; at the
end it says the person has been signed out and offers to sign in again. The page's clock is driven by
Playwright, so the test waits for nothing."""

import re

from django.contrib.auth import get_user_model
from django.test import override_settings
from playwright.sync_api import expect

from tests.e2e.accounts_helpers import sign_in

PASSWORD = "Idle-pass-2024"


@override_settings(IDLE_TIMEOUT_MINUTES_APPLICANT=30)
def test_the_idle_warning_extends_the_session_or_says_it_has_ended(page, accessible):
    get_user_model().objects.create_user(username="idle_reader", password=PASSWORD, mobile="13800138002",
                                         real_name="李四")
    page.clock.install()
    sign_in(page, "idle_reader", PASSWORD, "/messages/")
    expect(page).to_have_url(re.compile(r"/messages/$"))
    page.wait_for_load_state("load")  # the deferred script has set its timers before the clock moves
    dialog = page.get_by_role("alertdialog", name="您还在吗？")
    expect(dialog).to_be_hidden()

    page.clock.fast_forward("28:01")  # 30 minutes minus the two-minute warning
    expect(dialog).to_be_visible()
    stay = dialog.get_by_role("button", name="保持登录")
    expect(stay).to_be_focused()
    accessible(page)
    with page.expect_response(re.compile(r"/accounts/.*extend")) as extended:
        stay.click()
    assert extended.value.ok
    expect(dialog).to_be_hidden()

    page.clock.fast_forward("28:01")  # the timers start again after the extension
    expect(dialog).to_be_visible()
    page.clock.fast_forward("02:00")
    expect(dialog.get_by_text("您已退出登录")).to_be_visible()
    expect(dialog.get_by_role("button", name="保持登录")).to_be_hidden()
    sign_in_again = dialog.get_by_role("link", name="重新登录")
    expect(sign_in_again).to_be_focused()
    # Only the page's clock moved: the server's session is still valid, so the link is checked, not
    # followed (the server-side sign-out has its own tests in tests/accounts).
    expect(sign_in_again).to_have_attribute("href", "/accounts/login/")
