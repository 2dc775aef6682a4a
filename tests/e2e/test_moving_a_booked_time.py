"""Journey: the applicant cannot come at the booked face-review time, gives it up with a note on the
application page; the reviewer sees the note in the workbench and offers another time; the applicant
books it."""

import re

from playwright.sync_api import expect

from beian.inspections.models import Appointment
from beian.notifications.devtools import latest_sms
from tests.e2e.staff_helpers import open_decision, sign_in, sign_in_with_second_factor, sign_out
from tests.factories import PASSWORD, STAFF_PASSWORD, make_applicant, make_reviewer
from tests.filings.helpers import approved_sponsor, notice
from tests.inspections import helpers


def test_a_booked_time_is_given_up_and_another_one_booked(page, accessible):
    sponsor = approved_sponsor(make_applicant("moving_booker"))
    notice()
    reviewer = make_reviewer(sponsor.agency.code, username="chaoyang_moving_officer")
    application = helpers.interactive_application(sponsor)
    appointment = helpers.booked(application, reviewer)
    given_up = appointment.booked_slot.label

    sign_in(page, "moving_booker", PASSWORD)
    page.goto(f"/filings/{application.pk}/")
    panel = page.locator("section.appointment")
    expect(panel).to_contain_text("已预约")
    panel.get_by_text("无法按预约时间前来").click()  # opens the details
    accessible(page)
    panel.get_by_label(re.compile("方便")).fill("那天要出差，下周四上午可以")
    panel.get_by_role("button", name="申请其他时间").click()
    expect(page.locator("section.appointment")).to_contain_text("您已申请其他时间")
    accessible(page)
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.OTHER_SLOTS_ASKED and appointment.booked_slot is None
    sign_out(page)

    sign_in_with_second_factor(page, reviewer, STAFF_PASSWORD)
    page.goto("/review/?kind=new_website")
    page.get_by_role("link", name=application.name).click()
    expect(page.locator("section.appointment")).to_contain_text("那天要出差")
    expect(page.locator("section.appointment")).to_contain_text(given_up)
    accessible(page)
    day = helpers.working_day(8)
    form = open_decision(page, "other_slots")
    form.locator("#id_others-slot_1_0").fill(f"{day:%Y-%m-%d}")
    form.locator("#id_others-slot_1_1").fill("09:30")
    form.locator("#id_others-slot_1_2").fill("10:30")
    form.locator("button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/review/"))
    assert "09:30" in latest_sms(sponsor.owner.mobile)["text"]
    sign_out(page)

    sign_in(page, "moving_booker", PASSWORD)
    page.goto(f"/filings/{application.pk}/")
    panel = page.locator("section.appointment")
    panel.get_by_label(re.compile("09:30")).check()
    panel.locator("form[action$='/book/'] button").click()
    expect(page.locator("section.appointment")).to_contain_text("已预约")
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    assert "09:30" in appointment.booked_slot.label
