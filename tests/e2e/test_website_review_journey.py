"""Journey (a), reviewer half: the county reviewer takes the new website from the workbench, sees the
website, the sponsor and the findings, approves it; the applicant gets the record number by SMS, sees
the filed website with its filing code, and the public record page answers for the number."""

import re

from playwright.sync_api import expect

from beian.filings.models import Website
from beian.notifications.devtools import latest_sms
from tests.e2e.staff_helpers import confirm_decision, sign_in, sign_in_with_second_factor, sign_out
from tests.factories import PASSWORD, STAFF_PASSWORD, make_applicant, make_reviewer
from tests.filings.helpers import approved_sponsor, submitted_application


def test_the_reviewer_approves_and_the_record_number_is_issued(page, accessible):
    sponsor = approved_sponsor(make_applicant("yunjing_owner"))
    application = submitted_application(sponsor, name="云景科技官网")
    reviewer = make_reviewer(application.agency.code, username="chaoyang_web_officer")

    sign_in_with_second_factor(page, reviewer, STAFF_PASSWORD)
    page.goto("/review/?kind=new_website")
    accessible(page)
    page.get_by_role("link", name="云景科技官网").click()
    expect(page.locator("main")).to_contain_text(sponsor.name)
    accessible(page)
    page.locator("form[action$='/assign/'] button").click()
    page.locator("form[action$='/decide/approve/'] button[type='submit']").click()
    confirm_decision(page)
    expect(page).to_have_url(re.compile(r"/review/"))
    sign_out(page)

    website = Website.objects.get(application=application)
    assert re.fullmatch(rf"{application.agency.code}02\d{{6}}", website.record_number)
    assert website.record_number in latest_sms(sponsor.owner.mobile)["text"]

    sign_in(page, sponsor.owner.username, PASSWORD)
    page.goto("/filings/filed/")
    accessible(page)
    page.get_by_role("link", name="云景科技官网").first.click()
    expect(page.locator("main")).to_contain_text(website.record_number)
    expect(page.locator("[data-copy-from='filing-code']")).to_be_visible()
    accessible(page)
    page.locator(".filing-preview a").click()
    expect(page).to_have_url(re.compile(rf"/records/{website.record_number}$"))
    expect(page.locator("main")).to_contain_text("云景科技官网")
    accessible(page)
