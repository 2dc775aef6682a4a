"""Website claim (SPEC §4.8) in the browser: a legacy record imported by the police matches the
applicant's sponsor entity; the applicant finds it under "Website claim", claims it, completes the
prefilled wizard and submits; the county reviewer approves it in the workbench; the new record number
is issued and the legacy number leads to the new record on the public register."""

import datetime
import re

from playwright.sync_api import expect

from beian.filings.models import Website
from beian.legacy.models import LegacyRecord
from tests.e2e.staff_helpers import confirm_decision, sign_in, sign_in_with_second_factor, sign_out
from tests.factories import PASSWORD, STAFF_PASSWORD, make_applicant, make_reviewer
from tests.filings.helpers import approved_sponsor, notice
from tests.legacy.helpers import NUMBER, import_, row


def complete_wizard_from_basic(page, accessible, *, name=None):
    """On the basic step of a prefilled draft: fill what the police did not know, then leaders,
    prompt, check your answers and submit. Ends on the application page."""
    expect(page).to_have_url(re.compile(r"/filings/\d+/step/basic/$"))
    accessible(page)
    if name:
        page.fill("#id_name", name)
    page.fill("#id_home_url", f"https://{page.input_value('#id_main_domain')}/")
    if not page.input_value("#id_ips"):
        page.fill("#id_ips", "121.40.18.7")
    if not page.input_value("#id_icp_number"):
        page.fill("#id_icp_number", "京ICP备12345678号-1")
    page.fill("#id_opened_on", (datetime.date.today() - datetime.timedelta(days=3)).isoformat())
    page.fill("#id_access_provider", "阿里云")
    page.fill("#id_registrar", "阿里云")
    page.select_option("#id_hosting", "cloud_server")
    page.check("input[name='service_types'][value='company_portal']")
    page.check("input[name='interactive'][value='no']")
    page.check("input[name='controlled_goods'][value='no']")
    page.check("input[name='languages'][value='zh_hans']")
    page.locator("button[name='action'][value='continue']").click()
    expect(page).to_have_url(re.compile(r"/step/leaders/$"))
    page.check("#id_security_same_as_person_in_charge")
    page.check("#id_emergency_same_as_person_in_charge")
    page.locator("button[name='action'][value='continue']").click()
    expect(page).to_have_url(re.compile(r"/step/prompt/$"))
    page.check("#id_agreement_accepted")
    page.locator("button[name='action'][value='continue']").click()
    expect(page).to_have_url(re.compile(r"/check/$"))
    accessible(page)
    page.locator("main form[action$='/submit/'] button").click()
    expect(page).to_have_url(re.compile(r"/filings/\d+/$"))
    accessible(page)


def approve_in_workbench(page, accessible, reviewer, title: str):
    sign_in_with_second_factor(page, reviewer, STAFF_PASSWORD)
    page.goto("/review/")
    accessible(page)
    page.get_by_role("link", name=title).first.click()
    accessible(page)
    page.locator("form[action$='/assign/'] button").click()
    page.locator("form[action$='/decide/approve/'] button[type='submit']").click()
    confirm_decision(page)
    expect(page).to_have_url(re.compile(r"/review/"))
    sign_out(page)


def test_a_legacy_record_is_claimed_approved_and_its_number_leads_to_the_new_record(page, accessible):
    sponsor = approved_sponsor(make_applicant("yunjing_claimer"))
    notice()
    import_(row(deadline="2099-12-31"))
    reviewer = make_reviewer("110105", username="chaoyang_claim_officer")

    sign_in(page, sponsor.owner.username, PASSWORD)
    page.goto("/accounts/")
    accessible(page)
    page.get_by_role("link", name="网站认领").click()
    expect(page.locator("h1")).to_have_text("网站认领")
    expect(page.locator("main table")).to_contain_text("云景旧官网")
    expect(page.locator("main table")).to_contain_text(NUMBER)
    accessible(page)
    page.locator("main table form[action='/claims/claim/'] button").click()
    expect(page.locator("#id_name")).to_have_value("云景旧官网")
    expect(page.locator("#id_main_domain")).to_have_value("yunjing-old.cn")
    complete_wizard_from_basic(page, accessible)
    page.goto("/claims/")
    expect(page.locator("main table")).to_contain_text("认领进行中")
    accessible(page)
    sign_out(page)

    approve_in_workbench(page, accessible, reviewer, "云景旧官网")

    record = LegacyRecord.objects.get()
    website = Website.objects.get(application=record.application)
    assert record.status == "claimed" and website.record_number != NUMBER
    page.goto(f"/records/{NUMBER}")
    expect(page).to_have_url(re.compile(rf"/records/{website.record_number}$"))
    expect(page.locator("main")).to_contain_text("云景旧官网")
    accessible(page)

    sign_in(page, sponsor.owner.username, PASSWORD)
    page.goto("/claims/")
    expect(page.locator("main table")).to_contain_text(website.record_number)
    accessible(page)
