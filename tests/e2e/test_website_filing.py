"""Journey (a), applicant half: a non-interactive company website from an empty draft to submission —
the progress indicator, a live finding next to a field, "same as the person in charge", the notice,
check your answers, submit, the "filings under review" list. The reviewer half is left to the
workbench's journey."""

import re

from playwright.sync_api import expect

from beian.filings.models import WebsiteApplication
from tests.e2e.staff_helpers import sign_in
from tests.factories import PASSWORD, make_applicant
from tests.filings.helpers import approved_sponsor, notice


def test_a_company_files_a_non_interactive_website(page, accessible):
    sponsor = approved_sponsor(make_applicant("yunjing_web"))
    notice()
    sign_in(page, "yunjing_web", PASSWORD)
    page.goto("/accounts/")
    page.locator("main a[href='/filings/new/']").first.click()
    expect(page.locator("[aria-current='step']")).to_contain_text("开办主体")
    expect(page.locator("main")).to_contain_text("北京云景科技有限公司")
    accessible(page)

    page.locator("main form[action='/filings/new/'] button").click()
    expect(page).to_have_url(re.compile(r"/filings/\d+/step/basic/$"))
    accessible(page)
    # Live checking: leaving the name field shows the rule's finding next to it.
    page.fill("#id_name", "中国云景网")
    page.locator("#id_main_domain").focus()
    expect(page.locator("#findings-name")).to_contain_text("中国")
    page.fill("#id_name", "云景科技官网")
    page.locator("#id_main_domain").focus()
    expect(page.locator("#findings-name .finding")).to_have_count(0)
    page.fill("#id_main_domain", "yunjing-journey.cn")
    page.fill("#id_home_url", "https://yunjing-journey.cn/")
    page.fill("#id_ips", "121.40.18.7")
    page.fill("#id_icp_number", "京ICP备12345678号-1")
    page.fill("#id_opened_on", "2026-11-20")
    page.fill("#id_access_provider", "阿里云")
    page.fill("#id_registrar", "阿里云")
    page.select_option("#id_hosting", "cloud_server")
    page.check("input[name='service_types'][value='company_portal']")
    page.check("input[name='interactive'][value='no']")
    page.check("input[name='controlled_goods'][value='no']")
    page.check("input[name='languages'][value='zh_hans']")
    accessible(page)
    page.locator("button[name='action'][value='continue']").click()

    expect(page).to_have_url(re.compile(r"/step/leaders/$"))
    page.check("#id_security_same_as_person_in_charge")
    expect(page.locator("[data-leader-fields='security']")).to_be_hidden()
    page.check("#id_emergency_same_as_person_in_charge")
    accessible(page)
    page.locator("button[name='action'][value='continue']").click()

    expect(page).to_have_url(re.compile(r"/step/prompt/$"))
    expect(page.locator("main")).to_contain_text("2026.1")
    page.check("#id_agreement_accepted")
    accessible(page)
    page.locator("button[name='action'][value='continue']").click()

    expect(page).to_have_url(re.compile(r"/check/$"))
    expect(page.locator("main")).to_contain_text("yunjing-journey.cn")
    expect(page.locator("main")).to_contain_text("张伟")
    accessible(page)
    page.locator("main form[action$='/submit/'] button").click()

    expect(page).to_have_url(re.compile(r"/filings/\d+/$"))
    expect(page.locator("main")).to_contain_text("提交")
    accessible(page)
    application = WebsiteApplication.objects.get(owner=sponsor.owner)
    assert application.status == "submitted" and application.agency.code == "110105"

    page.goto("/filings/under-review/")
    expect(page.locator("main table")).to_contain_text("云景科技官网")
    accessible(page)
