"""Journey (b): an interactive forum website with the electronic-bulletin (BBS) pre-approval, filed
through the wizard; the reviewer asks for a face review with two times, the applicant books one, the
reviewer records "passed" once the booked time has come (not before) and approves; the applicant sees
the record number."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from beian.core.models import PreApproval
from beian.filings.models import Website, WebsiteApplication
from beian.inspections.models import Appointment
from beian.notifications.devtools import latest_sms
from tests.e2e.staff_helpers import (
    confirm_decision,
    open_decision,
    sign_in,
    sign_in_with_second_factor,
    sign_out,
)
from tests.factories import PASSWORD, STAFF_PASSWORD, make_applicant, make_reviewer
from tests.filings.helpers import approved_sponsor, notice
from tests.inspections.helpers import begun, working_day
from tests.sponsors.helpers import jpeg

NAME = "云景技术论坛"
PLACE = "北京市朝阳区公安分局网安大队（朝阳路 1 号）"


def _reviewer_signs_in(page, reviewer, step):
    sign_in_with_second_factor(page, reviewer, STAFF_PASSWORD, steps_ahead=step)
    page.goto("/review/?kind=new_website")


def _file_the_forum(page, accessible):
    page.goto("/accounts/")
    page.locator("main a[href='/filings/new/']").first.click()
    accessible(page)
    page.locator("main form[action='/filings/new/'] button").click()
    expect(page).to_have_url(re.compile(r"/filings/\d+/step/basic/$"))
    page.fill("#id_name", NAME)
    page.fill("#id_main_domain", "yunjing-bbs.cn")
    page.fill("#id_home_url", "https://yunjing-bbs.cn/")
    page.fill("#id_ips", "121.40.18.8")
    page.fill("#id_icp_number", "京ICP备12345678号-2")
    page.fill("#id_opened_on", f"{timezone.localdate():%Y-%m-%d}")
    page.fill("#id_access_provider", "阿里云")
    page.fill("#id_registrar", "阿里云")
    page.select_option("#id_hosting", "cloud_server")
    page.check("input[name='service_types'][value='forum']")
    page.check("input[name='interactive'][value='yes']")
    page.check("input[name='interactive_services'][value='forum']")
    page.check("input[name='controlled_goods'][value='no']")
    bbs = PreApproval.objects.get(code="bbs")  # reference data: the electronic-bulletin approval
    page.check(f"input[name='pre_approvals'][value='{bbs.code}']")
    page.fill(f"#id_pre_approval_number_{bbs.code}", "京通信管BBS〔2026〕015号")
    page.set_input_files(f"#id_pre_approval_scan_{bbs.code}", files=[
        {"name": "bbs-approval.jpg", "mimeType": "image/jpeg", "buffer": jpeg((200, 140))}])
    page.check("input[name='languages'][value='zh_hans']")
    accessible(page)
    page.locator("button[name='action'][value='continue']").click()

    expect(page).to_have_url(re.compile(r"/step/leaders/$"))
    page.check("#id_security_same_as_person_in_charge")
    page.check("#id_emergency_same_as_person_in_charge")
    accessible(page)
    page.locator("button[name='action'][value='continue']").click()
    expect(page).to_have_url(re.compile(r"/step/prompt/$"))
    page.check("#id_agreement_accepted")
    accessible(page)
    page.locator("button[name='action'][value='continue']").click()
    expect(page).to_have_url(re.compile(r"/check/$"))
    expect(page.locator("main")).to_contain_text("yunjing-bbs.cn")
    accessible(page)
    page.locator("main form[action$='/submit/'] button").click()
    expect(page).to_have_url(re.compile(r"/filings/\d+/$"))
    accessible(page)


def test_face_review_then_approval_of_an_interactive_forum(page, accessible):
    sponsor = approved_sponsor(make_applicant("yunjing_bbs"))
    notice()
    reviewer = make_reviewer(sponsor.agency.code, username="chaoyang_bbs_officer")

    sign_in(page, "yunjing_bbs", PASSWORD)
    _file_the_forum(page, accessible)
    application = WebsiteApplication.objects.get(owner=sponsor.owner)
    assert application.status == "submitted" and application.interactive
    sign_out(page)

    # The reviewer cannot approve yet; asks for a face review with two times.
    _reviewer_signs_in(page, reviewer, 0)
    accessible(page)
    page.get_by_role("link", name=NAME).click()
    expect(page.locator("h1")).to_have_text(NAME)
    expect(page.locator("form[action$='/decide/approve/']")).to_have_count(0)
    accessible(page)
    page.locator("form[action$='/assign/'] button").click()
    day = working_day(3)
    form = open_decision(page, "face_review")
    form.locator("#id_face-place").fill(PLACE)
    form.locator("#id_face-documents").fill("营业执照原件；网站安全负责人身份证原件")
    for number, (start, end) in enumerate((("09:30", "10:30"), ("14:00", "15:00")), start=1):
        form.locator(f"#id_face-slot_{number}_0").fill(f"{day:%Y-%m-%d}")
        form.locator(f"#id_face-slot_{number}_1").fill(start)
        form.locator(f"#id_face-slot_{number}_2").fill(end)
    form.locator("button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/review/"))
    accessible(page)
    assert "14:00" in latest_sms(sponsor.owner.mobile)["text"]
    sign_out(page)

    # The applicant books the afternoon time on the application page.
    sign_in(page, "yunjing_bbs", PASSWORD)
    page.goto(f"/filings/{application.pk}/")
    panel = page.locator("section.appointment")
    expect(panel).to_contain_text("面审")
    expect(panel).to_contain_text(PLACE)
    accessible(page)
    panel.get_by_label(re.compile("14:00")).check()
    panel.locator("form[action$='/book/'] button").click()
    expect(page.locator("section.appointment")).to_contain_text("已预约")
    accessible(page)
    appointment = Appointment.objects.get(application=application)
    assert appointment.status == "booked"
    assert f"{timezone.localtime(appointment.booked_slot.starts_at):%H:%M}" == "14:00"
    assert "14:00" in latest_sms(sponsor.owner.mobile)["text"]
    sign_out(page)

    # Before the booked time there is no result to record; once it has come, the reviewer records
    # "passed", then approves.
    _reviewer_signs_in(page, reviewer, 1)
    page.get_by_role("link", name=NAME).click()
    expect(page.locator("section.appointment")).to_contain_text("14:00")
    expect(page.locator("section.appointment")).to_contain_text("预约时间开始后才能登记结果")
    result = page.locator("form[action$='/decide/inspection_result/']")
    expect(result).to_have_count(0)
    accessible(page)
    begun(appointment)
    page.reload()
    open_decision(page, "inspection_result")
    result.locator("input[name='result-result'][value='passed']").check()
    result.locator("button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/review/"))
    page.get_by_role("link", name=NAME).click()
    accessible(page)
    page.locator("form[action$='/decide/approve/'] button[type='submit']").click()
    confirm_decision(page)
    expect(page).to_have_url(re.compile(r"/review/"))
    sign_out(page)

    website = Website.objects.get(application=application)
    assert website.interactive and website.record_number in latest_sms(sponsor.owner.mobile)["text"]
    sign_in(page, "yunjing_bbs", PASSWORD)
    page.goto(f"/filings/{application.pk}/")
    expect(page.locator("main")).to_contain_text(website.record_number)
    accessible(page)
