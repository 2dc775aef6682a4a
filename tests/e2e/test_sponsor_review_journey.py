"""The reviewer half of the sponsor entity journey (issue 5): the county reviewer returns the entity
with a reason, the applicant corrects and resubmits, the reviewer approves, the applicant sees the
approval and the SMS text. The applicant half (filling and uploading) is test_sponsor_entity.py."""

import re

from playwright.sync_api import expect

from beian.notifications.devtools import latest_sms
from beian.sponsors import services
from tests.e2e.staff_helpers import open_decision, sign_in, sign_in_with_second_factor, sign_out
from tests.factories import PASSWORD, STAFF_PASSWORD, make_applicant, make_reviewer
from tests.sponsors.helpers import ready_entity


def _reviewer_signs_in(page, reviewer, step):
    sign_in_with_second_factor(page, reviewer, STAFF_PASSWORD, steps_ahead=step)
    page.goto("/review/")
    expect(page.locator("h1")).to_have_text("审核队列")


def _open_item(page, accessible, title):
    page.get_by_role("link", name=title).click()
    expect(page.locator("h1")).to_have_text(title)
    accessible(page)
    page.locator("form[action$='/assign/'] button").click()
    expect(page.locator("form[action$='/unassign/'] button")).to_be_visible()


def test_return_correct_resubmit_and_approve(page, accessible):
    applicant = make_applicant("qingshan_admin")
    entity = ready_entity(applicant, name="北京青山科技有限公司")
    services.submit_sponsor_entity(actor=applicant)
    reviewer = make_reviewer("110105", username="chaoyang_officer")

    _reviewer_signs_in(page, reviewer, step=0)
    accessible(page)
    _open_item(page, accessible, "北京青山科技有限公司")
    return_form = open_decision(page, "return")
    return_form.locator("input[name='reasons']").first.check()
    return_form.locator("textarea[name='note']").fill("请上传清晰的营业执照照片")
    return_form.locator("button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/review/$"))
    accessible(page)
    sign_out(page)

    sign_in(page, applicant.username, PASSWORD)
    page.goto("/sponsor/")
    expect(page.locator(".status-returned")).to_be_visible()
    expect(page.locator("main")).to_contain_text("请上传清晰的营业执照照片")
    accessible(page)
    assert "退回" in latest_sms(applicant.mobile)["text"]
    page.locator("form[action='/sponsor/submit/'] button").click()
    expect(page.locator(".status-submitted")).to_be_visible()
    sign_out(page)

    _reviewer_signs_in(page, reviewer, step=1)
    _open_item(page, accessible, "北京青山科技有限公司")
    history = page.locator("ol.timeline")
    expect(history).to_contain_text("已退回")
    page.locator("form[action$='/decide/approve/'] button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/review/$"))
    sign_out(page)

    sign_in(page, applicant.username, PASSWORD)
    page.goto("/sponsor/")
    expect(page.locator(".status-approved")).to_be_visible()
    accessible(page)
    approval = latest_sms(applicant.mobile)["text"]
    assert "通过" in approval
    page.goto("/messages/")
    expect(page.locator("main")).to_contain_text(approval[:20])
    accessible(page)
    entity.refresh_from_db()
    assert entity.status == "approved"
