"""Journey (issue 18): a returned filing is the first thing on the applicant's home after sign-in, with
the reviewer's reason and one button; the applicant fixes it from there and resubmits, and the home
then has nothing waiting and shows the filing in review."""

import re

from playwright.sync_api import expect

from beian.filings import services
from tests.e2e.staff_helpers import sign_in
from tests.factories import PASSWORD, make_applicant, make_reviewer
from tests.filings.helpers import approved_sponsor, submitted_application

REASONS = [{"code": "name-incomplete", "text": "网站名称请使用完整名称", "text_zh": "网站名称请使用完整名称",
            "text_en": "Give the website's full name", "field": "website.name"}]


def test_a_returned_filing_comes_first_on_home_and_is_fixed_from_there(page, accessible):
    sponsor = approved_sponsor(make_applicant("home_first"))
    application = submitted_application(sponsor, name="云景网")
    services.return_application(actor=make_reviewer(application.agency.code), application=application,
                                reasons=REASONS)

    sign_in(page, "home_first", PASSWORD)
    expect(page).to_have_url(re.compile(r"/accounts/$"))
    first = page.locator(".to-do-item").first
    expect(first).to_contain_text("已退回修改：云景网")
    expect(first).to_contain_text("网站名称请使用完整名称")
    expect(page.locator("[data-to-do-count]")).to_have_attribute("data-to-do-count", "1")
    accessible(page)

    first.get_by_role("link", name="修改后重新提交").click()
    expect(page).to_have_url(re.compile(rf"/filings/{application.pk}/step/basic/$"))
    name_field = page.locator(".wizard-field", has=page.locator("#id_name"))
    expect(name_field.locator(".return-reason")).to_contain_text("网站名称请使用完整名称")
    expect(page.locator(".task-list li.is-returned")).to_contain_text("需修改")
    page.fill("#id_name", "云景科技官网")
    page.locator("button[name='action'][value='continue']").click()
    expect(page).to_have_url(re.compile(r"/step/leaders/$"))
    page.locator("button[name='action'][value='continue']").click()
    expect(page).to_have_url(re.compile(r"/step/prompt/$"))
    page.check("#id_agreement_accepted")
    page.locator("button[name='action'][value='continue']").click()
    expect(page).to_have_url(re.compile(r"/check/$"))
    page.locator(f"form[action='/filings/{application.pk}/submit/'] button").click()
    expect(page.locator("main")).to_contain_text("已提交")

    page.goto("/accounts/")
    expect(page.locator(".to-do")).to_contain_text("目前没有需要您办理的事项")
    case = page.locator(".case", has_text="云景科技官网")
    expect(case.locator("[aria-current='step']")).to_contain_text("审核中")
    expect(page.locator("[data-to-do-count]")).to_have_attribute("data-to-do-count", "0")
    accessible(page)
