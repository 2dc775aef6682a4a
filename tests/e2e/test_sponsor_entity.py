"""Applicant half of the sponsor entity journey: an enterprise fills the entity (the fields follow the
type, the address by the province → city → county cascade), uploads the documents and submits.
The reviewer half is in the workbench's journey."""

import re

from playwright.sync_api import expect

from beian.core import pii
from beian.sponsors.models import SponsorEntity
from tests.e2e.staff_helpers import sign_in
from tests.factories import PASSWORD, make_applicant
from tests.sponsors.helpers import ENTERPRISE_USCC, PERSON_ID, jpeg, png


def _image(name, data, mime):
    return {"name": name, "mimeType": mime, "buffer": data}


def test_an_enterprise_fills_uploads_and_submits(page, accessible):
    applicant = make_applicant("yunjing_admin")
    sign_in(page, "yunjing_admin", PASSWORD)
    page.goto("/accounts/")
    page.locator("a[href='/sponsor/']").first.click()
    expect(page).to_have_url(re.compile(r"/sponsor/$"))
    accessible(page)

    page.locator("main a[href='/sponsor/edit/']").first.click()
    expect(page.locator("#id_investor")).to_be_visible()
    accessible(page)

    # The fields follow the type: an individual has no investor and no separate person in charge.
    page.select_option("#id_sponsor_type", "individual")
    expect(page.locator("#id_investor")).to_have_count(0)
    expect(page.locator("#id_person_name")).to_have_count(0)
    page.select_option("#id_sponsor_type", "enterprise")
    expect(page.locator("#id_investor")).to_be_visible()
    expect(page.locator("button[name='refresh']")).to_have_count(0)  # htmx does it; no extra buttons

    page.fill("#id_name", "北京云景科技有限公司")
    page.select_option("#id_certificate_type", "uscc")
    page.fill("#id_certificate_number", ENTERPRISE_USCC)
    page.check("#id_certificate_long_term")
    page.fill("#id_investor", "张伟")
    page.select_option("#id_province", "110000")
    expect(page.locator("#id_city option[value='110100']")).to_have_count(1)
    page.select_option("#id_city", "110100")
    expect(page.locator("#id_division option[value='110105']")).to_have_count(1)
    page.select_option("#id_division", "110105")
    page.fill("#id_address", "建国路 88 号")
    page.fill("#id_person_name", "王先生")  # a placeholder name: refused next to the field
    page.select_option("#id_person_certificate_type", "resident_id")
    page.fill("#id_person_certificate_number", PERSON_ID)
    page.fill("#id_person_residence", "北京市朝阳区建国路 88 号")
    page.fill("#id_office_phone", "010-65871234")
    page.fill("#id_mobile", "13915827463")
    page.fill("#id_email", "zhangwei@example.cn")
    page.locator("form.entity-form button[type='submit']").last.click()

    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_person_name")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_address")).to_have_value("建国路 88 号")  # nothing typed is lost
    expect(page.locator("#id_division")).to_have_value("110105")
    accessible(page)
    page.fill("#id_person_name", "张伟")
    page.locator("form.entity-form button[type='submit']").last.click()
    expect(page).to_have_url(re.compile(r"/sponsor/$"))
    # Masked for the owner too (SPEC §8): "show" asks for the password first.
    expect(page.locator("#certificate-sponsor")).to_have_text(pii.mask(ENTERPRISE_USCC))
    expect(page.locator("main")).not_to_contain_text(ENTERPRISE_USCC)
    accessible(page)

    page.locator("main a[href='/sponsor/documents/']").first.click()
    page.set_input_files("#id_id_front", _image("front.jpg", jpeg(), "image/jpeg"))
    page.set_input_files("#id_id_back", _image("back.png", png(), "image/png"))
    page.set_input_files("#id_licence", _image("licence.png", b"not an image at all", "image/png"))
    page.locator("main form button[type='submit']").click()
    expect(page.locator("#id_licence")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".error-summary")).to_contain_text("JPEG")
    accessible(page)
    page.set_input_files("#id_licence", _image("licence.jpg", jpeg(), "image/jpeg"))
    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/sponsor/$"))

    page.locator("form[action='/sponsor/submit/'] button").click()
    expect(page.locator(".status-submitted")).to_be_visible()
    expect(page.locator("main")).to_contain_text("朝阳区")
    accessible(page)
    entity = SponsorEntity.objects.get(owner=applicant)
    assert entity.status == "submitted" and entity.agency.code == "110105"
    assert entity.documents.count() == 3
