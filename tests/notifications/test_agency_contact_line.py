"""Every message that gives the filing agency's telephone (SPEC §9) has a proper last sentence when the
agency has entered none yet: it names the agency to ask instead of ending with an empty "Questions:"."""

import pytest

from beian.core.agency_contacts import contact_context
from beian.core.models import Agency
from beian.notifications.rendering import render_sms

pytestmark = pytest.mark.django_db

# The messages to applicants that end with whom to ask, and what else each needs.
TEMPLATES = {
    "website_approved": {"record_number": "浙公网安备 33010602000001号"},
    "sponsor_approved": {},
    "sponsor_change_approved": {},
    "inspection_booked": {"mode": "face_review", "slot": "2026-12-01 09:00", "place": "文三路 100 号",
                          "documents": "身份证"},
    "inspection_reminder": {"mode": "onsite", "slot": "2026-12-01 09:00", "place": "文三路 100 号",
                            "documents": "身份证"},
}


def context(template: str, telephone: str) -> dict:
    agency = Agency.objects.get(code="330106")
    agency.telephone = telephone
    return {"name": "云栖小站", **TEMPLATES[template], **contact_context(agency)}


@pytest.mark.parametrize("template", TEMPLATES)
def test_with_a_telephone_the_message_ends_with_it(reference_data, template):
    chinese = render_sms(template, context(template, "0571-87280000"), "zh-hans")
    english = render_sms(template, context(template, "0571-87280000"), "en")
    assert chinese.endswith("咨询电话：0571-87280000。")
    assert english.endswith("Questions: 0571-87280000.")


@pytest.mark.parametrize("template", TEMPLATES)
def test_without_a_telephone_the_message_names_the_agency_to_ask(reference_data, template):
    agency_name = Agency.objects.get(code="330106").name_zh
    chinese = render_sms(template, context(template, ""), "zh-hans")
    english = render_sms(template, context(template, ""), "en")
    assert chinese.endswith(f"如有疑问，请联系{agency_name}。")
    assert english.endswith(f"For questions, contact {agency_name}.")
    for text in (chinese, english):
        assert "咨询电话" not in text and "Questions:" not in text
        assert "  " not in text and "：。" not in text and ": ." not in text


def test_without_an_agency_the_message_adds_no_contact_sentence(reference_data):
    text = render_sms("sponsor_approved", {"name": "云栖小站", **contact_context(None)}, "zh-hans")
    assert text.endswith("现在可以办理网站备案。") and "联系" not in text and "咨询" not in text
