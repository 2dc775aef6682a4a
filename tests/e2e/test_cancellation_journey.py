"""Website cancellation (SPEC §4.6): the applicant asks for an SMS code and submits while the website still
answers (a tiny site on 127.0.0.1 that the website's domain is mapped to) — refused with the finding;
the site is stopped and the same code goes through; the county reviewer approves in the workbench; the
public record page then says the record is cancelled."""

import re

from playwright.sync_api import expect

from beian.cancellations.models import CancellationApplication
from beian.filings.models import Website
from beian.notifications.devtools import latest_sms
from tests.cancellations.helpers import filed_website
from tests.cancellations.servers import site_server
from tests.e2e.accounts_helpers import clean_limits, code_sent_to  # noqa: F401
from tests.e2e.staff_helpers import confirm_decision, sign_in, sign_in_with_second_factor, sign_out
from tests.factories import PASSWORD, STAFF_PASSWORD, make_applicant, make_reviewer
from tests.filings.helpers import approved_sponsor


def test_a_closed_website_is_cancelled_and_its_record_says_so(page, accessible, settings,
                                                             clean_limits):  # noqa: F811
    owner = make_applicant("qingshan_owner")
    website = filed_website(approved_sponsor(owner), name="青山工作室网站")
    reviewer = make_reviewer(website.agency.code, username="chaoyang_cancel_officer")
    settings.CANCELLATION_PROBE_TIMEOUT_SECONDS = 1
    domain = website.main_domain

    with site_server() as still_online:
        settings.CANCELLATION_PROBE_RESOLVE = {domain: f"127.0.0.1:{still_online.port}"}
        sign_in(page, owner.username, PASSWORD)
        page.goto("/filings/filed/")
        page.get_by_role("link", name="青山工作室网站").first.click()
        accessible(page)
        page.get_by_role("link", name="注销该网站的备案").click()
        expect(page).to_have_url(re.compile(rf"/cancellations/website/{website.pk}/$"))
        accessible(page)

        page.fill("#id_reason", "工作室已停止运营")  # typed before the code is asked for: it is kept
        page.get_by_role("button", name="发送验证码").click()
        expect(page.locator(".notice-success")).to_contain_text("验证码已发送")
        expect(page.locator("#id_reason")).to_have_value("工作室已停止运营")
        accessible(page)
        page.fill("#id_code", code_sent_to(owner.mobile))
        page.check("#id_confirm")
        page.get_by_role("button", name="注销该网站的备案").click()
        expect(page.locator(".error-summary")).to_contain_text(f"http://{domain} 返回 HTTP 200")
        expect(page.locator("main table")).to_contain_text(f"https://{domain}")
        accessible(page)
        assert still_online.seen_hosts  # the probe really asked the site
        assert not CancellationApplication.objects.exists()

    # The site is closed now: the same code (still valid) goes through.
    page.get_by_role("button", name="注销该网站的备案").click()
    expect(page).to_have_url(re.compile(r"/cancellations/\d+/$"))
    expect(page.locator("main")).to_contain_text("已提交审核")
    accessible(page)
    assert "已提交" in latest_sms(owner.mobile)["text"]
    page.goto("/cancellations/")
    expect(page.locator("main table")).to_contain_text("青山工作室网站")
    accessible(page)
    sign_out(page)

    sign_in_with_second_factor(page, reviewer, STAFF_PASSWORD)
    page.goto("/review/?kind=cancellation")
    accessible(page)
    page.get_by_role("link", name="青山工作室网站").click()
    expect(page.locator("main")).to_contain_text("工作室已停止运营")
    expect(page.locator("main")).to_contain_text(f"https://{domain}：无法建立连接")
    accessible(page)
    page.locator("form[action$='/decide/approve/'] button[type='submit']").click()
    confirm_decision(page)
    expect(page).to_have_url(re.compile(r"/review/"))
    sign_out(page)

    website.refresh_from_db()
    assert website.status == Website.Status.CANCELLED and website.cancelled_at is not None
    assert website.record_number in latest_sms(owner.mobile)["text"]
    page.goto(f"/records/{website.record_number}")
    expect(page.locator("main")).to_contain_text("已注销")
    accessible(page)
