"""Journey (c): a return tied to the website-name field, corrected by the applicant and resubmitted,
with the reviewer seeing what was corrected. And a change of filing information approved with the
same record number (SPEC §4.5)."""

import re

from playwright.sync_api import expect

from beian.filings import services
from beian.filings.models import Website, WebsiteApplication
from tests.e2e.staff_helpers import open_decision, sign_in, sign_in_with_second_factor, sign_out
from tests.factories import PASSWORD, STAFF_PASSWORD, make_applicant, make_reviewer
from tests.filings.helpers import approved_sponsor, submitted_application


def _reviewer_signs_in(page, reviewer, step=0):
    """A code is accepted once: the second sign-in of a journey uses the next step's code."""
    sign_in_with_second_factor(page, reviewer, STAFF_PASSWORD, steps_ahead=step)


def _open_item(page, title, accessible):
    page.goto("/review/")
    page.get_by_role("link", name=title).first.click()
    accessible(page)


def _submit_from_check_page(page, application_id):
    page.goto(f"/filings/{application_id}/step/prompt/")
    page.check("#id_agreement_accepted")
    page.locator("button[name='action'][value='continue']").click()
    expect(page).to_have_url(re.compile(r"/check/$"))
    page.locator(f"form[action='/filings/{application_id}/submit/'] button").click()
    expect(page).to_have_url(re.compile(rf"/filings/({application_id}/|under-review/)$"))
    expect(page.locator("main")).to_contain_text("已提交")


def test_a_return_tied_to_the_name_is_corrected_and_the_reviewer_sees_the_correction(page, accessible):
    sponsor = approved_sponsor(make_applicant("yunjing_return"))
    application = submitted_application(sponsor, name="云景网")
    reviewer = make_reviewer(application.agency.code, username="return_officer")

    _reviewer_signs_in(page, reviewer)
    _open_item(page, "云景网", accessible)
    page.locator("form[action$='/assign/'] button").click()
    form = open_decision(page, "return")
    form.locator("input[name='reasons']").first.check()
    form.locator("select[name='field']").select_option("website.name")
    form.locator("textarea[name='note']").fill("网站名称请使用完整名称")
    form.locator("button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/review/"))
    sign_out(page)

    sign_in(page, sponsor.owner.username, PASSWORD)
    page.goto(f"/filings/{application.pk}/")
    expect(page.locator("main")).to_contain_text("网站名称请使用完整名称")
    accessible(page)
    page.locator(f"a[href='/filings/{application.pk}/step/basic/']").click()
    # The reason stands next to the website-name field.
    name_field = page.locator(".wizard-field", has=page.locator("#id_name"))
    expect(name_field.locator(".return-reason")).to_be_visible()
    accessible(page)
    page.fill("#id_name", "云景科技官网")
    page.locator("button[name='action'][value='continue']").click()
    expect(page).to_have_url(re.compile(r"/step/leaders/$"))
    _submit_from_check_page(page, application.pk)
    sign_out(page)

    _reviewer_signs_in(page, reviewer, step=1)
    _open_item(page, "云景科技官网", accessible)
    corrected = page.locator("section[aria-labelledby='resubmission-title']")
    expect(corrected).to_contain_text("云景网")
    expect(corrected).to_contain_text("云景科技官网")


def test_a_change_is_approved_and_the_record_number_stays(page, accessible):
    sponsor = approved_sponsor(make_applicant("yunjing_change"))
    application = submitted_application(sponsor, name="云景科技官网")
    reviewer = make_reviewer(application.agency.code, username="change_officer")
    website = services.approve_application(actor=reviewer, application=application)

    sign_in(page, sponsor.owner.username, PASSWORD)
    page.goto("/accounts/")
    page.locator("main a[href='/filings/changes/']").first.click()
    accessible(page)
    page.locator(f"form[action='/filings/filed/{website.pk}/change/'] button").click()
    expect(page).to_have_url(re.compile(r"/step/basic/$"))
    expect(page.locator("main")).to_contain_text(website.record_number)
    expect(page.locator("#id_name")).to_have_value("云景科技官网")  # prefilled with the filed answers
    accessible(page)
    page.fill("#id_name", "云景科技集团官网")
    page.locator("button[name='action'][value='continue']").click()
    change = WebsiteApplication.objects.get(kind=WebsiteApplication.Kind.CHANGE)
    _submit_from_check_page(page, change.pk)
    sign_out(page)

    _reviewer_signs_in(page, reviewer)
    _open_item(page, "云景科技集团官网", accessible)
    diff = page.locator("section[aria-labelledby='change-title']")
    expect(diff).to_contain_text("云景科技官网")
    expect(diff).to_contain_text("云景科技集团官网")
    page.locator("form[action$='/assign/'] button").click()
    page.locator("form[action$='/decide/approve/'] button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/review/"))
    sign_out(page)

    website.refresh_from_db()
    assert website.name == "云景科技集团官网" and Website.objects.count() == 1
    page.goto(f"/records/{website.record_number}")
    expect(page.locator("main")).to_contain_text("云景科技集团官网")
    accessible(page)
