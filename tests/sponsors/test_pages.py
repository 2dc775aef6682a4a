"""The applicant's pages: the form follows the type, the cascade, rule messages next to fields,
status and next steps, return reasons next to fields."""

import datetime
import re

import pytest
from django.urls import reverse

from beian.sponsors import services
from beian.sponsors.models import SponsorEntity
from tests.factories import make_applicant, make_reviewer
from tests.rules.samples import resident_id
from tests.sponsors.helpers import (
    ENTERPRISE_USCC,
    INDIVIDUAL_ID,
    enterprise_post,
    make_reasons,
    ready_entity,
    reason_dicts,
    store_documents,
)

pytestmark = pytest.mark.django_db
EDIT = reverse("sponsors:edit")


@pytest.fixture
def signed_in_applicant(client, applicant):
    client.force_login(applicant)
    return applicant


def test_staff_cannot_open_the_applicant_pages(client, reviewer, signed_in):
    signed_in(reviewer)
    assert client.get(reverse("sponsors:entity")).status_code == 403
    assert client.get(EDIT).status_code == 403


def test_without_an_entity_the_page_invites_to_fill_it(client, signed_in_applicant):
    response = client.get(reverse("sponsors:entity"))
    assert response.status_code == 200
    assert EDIT in response.content.decode()


def test_saving_the_form_stores_the_numbers_encrypted(client, signed_in_applicant):
    response = client.post(EDIT, enterprise_post())
    assert response.status_code == 302
    entity = SponsorEntity.objects.get(owner=signed_in_applicant)
    assert entity.status == "draft" and entity.division_id == "110105"
    assert ENTERPRISE_USCC not in entity.certificate_number_encrypted
    assert entity.certificate_number == ENTERPRISE_USCC and len(entity.certificate_hash) == 64
    # The owner's own pages show it masked too (SPEC §8; "show" asks for the password again).
    for url in (reverse("sponsors:entity"), EDIT):
        page = client.get(url).content.decode()
        assert ENTERPRISE_USCC not in page and entity.masked_certificate_number in page


def test_rule_errors_appear_next_to_their_fields_and_nothing_typed_is_lost(client, signed_in_applicant):
    response = client.post(EDIT, enterprise_post(person_name="王先生", office_phone="010-88888888"),
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    form = response.context["form"]
    assert "real full name" in form.errors["person_name"][0]
    assert "does not look real" in form.errors["office_phone"][0]
    page = response.content.decode()
    assert 'value="王先生"' in page and 'value="建国路 88 号"' in page
    assert not SponsorEntity.objects.exists()


def test_warnings_do_not_block_and_are_shown(client, signed_in_applicant):
    unknown_region = resident_id("99010519850612003")
    response = client.post(EDIT, enterprise_post(person_certificate_number=unknown_region),
                           HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert SponsorEntity.objects.exists()
    assert "not in the division table" in response.content.decode()


def test_validity_needs_a_date_or_long_term(client, signed_in_applicant):
    response = client.post(EDIT, enterprise_post(certificate_long_term=None))
    assert "certificate_valid_until" in response.context["form"].errors
    response = client.post(EDIT, enterprise_post(certificate_valid_until="2031-01-01"))
    assert "certificate_valid_until" in response.context["form"].errors


def test_the_fields_follow_the_type(client, signed_in_applicant):
    unit = client.get(EDIT).context["form"]
    assert "investor" in unit.fields and "person_name" in unit.fields
    assert set(unit.fields["certificate_type"].queryset.values_list("code", flat=True)) == {
        "uscc", "org_code", "business_license"}
    response = client.post(EDIT, {**enterprise_post(sponsor_type="individual", name="李娜"), "refresh": "1"})
    form = response.context["form"]
    assert response.status_code == 200 and not form.errors
    assert "investor" not in form.fields and "person_name" not in form.fields
    assert "resident_id" in form.fields["certificate_type"].queryset.values_list("code", flat=True)
    assert 'value="李娜"' in response.content.decode()


def test_an_individual_is_their_own_person_in_charge(client, signed_in_applicant):
    post = enterprise_post(sponsor_type="individual", name="李娜", certificate_type="resident_id",
                           certificate_number=INDIVIDUAL_ID)
    response = client.post(EDIT, post)
    assert response.status_code == 302
    entity = SponsorEntity.objects.get()
    assert entity.person_name == "李娜" and entity.person_certificate_number == INDIVIDUAL_ID
    assert entity.investor == ""
    store_documents(signed_in_applicant, kinds=("id_front", "id_back"))
    services.submit_sponsor_entity(actor=signed_in_applicant)  # no licence needed


def test_the_division_cascade(client, signed_in_applicant):
    cities = client.get(reverse("sponsors:city_options"), {"province": "110000"}).content.decode()
    assert 'value="110100"' in cities and 'hx-swap-oob' in cities
    counties = client.get(reverse("sponsors:county_options"), {"city": "110100"}).content.decode()
    assert 'value="110105"' in counties and "朝阳区" in counties
    # A city without counties is its own choice.
    dongguan = client.get(reverse("sponsors:county_options"), {"city": "441900"}).content.decode()
    assert 'value="441900"' in dongguan
    nonsense = client.get(reverse("sponsors:city_options"), {"province": "x'"}).content.decode()
    assert 'value="1' not in nonsense


@pytest.mark.parametrize("division", ["110100", "440305", "999999"])
def test_only_a_current_county_is_an_address(client, signed_in_applicant, division):
    response = client.post(EDIT, enterprise_post(division=division))
    assert "division" in response.context["form"].errors


def test_status_due_date_and_next_steps(client, reference_data):
    entity = ready_entity()
    client.force_login(entity.owner)
    page = client.get(reverse("sponsors:entity"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Next steps" in page and reverse("sponsors:submit") in page
    response = client.post(reverse("sponsors:submit"), HTTP_ACCEPT_LANGUAGE="en", follow=True)
    page = response.content.decode()
    entity.refresh_from_db()
    assert entity.status == "submitted"
    assert "The review is due by" in page and "estimated" not in page
    assert reverse("sponsors:submit") not in page


def test_a_due_date_beyond_the_holiday_data_is_estimated(client, reference_data):
    entity = ready_entity()
    services.submit_sponsor_entity(actor=entity.owner,
                                   now=datetime.datetime(2031, 3, 3, 2, 0, tzinfo=datetime.UTC))
    client.force_login(entity.owner)
    assert "estimated" in client.get(reverse("sponsors:entity"), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_submit_without_documents_goes_to_the_documents(client, signed_in_applicant):
    client.post(EDIT, enterprise_post())
    response = client.post(reverse("sponsors:submit"))
    assert response.status_code == 302 and response["Location"] == reverse("sponsors:documents")


def test_returned_reasons_are_shown_next_to_the_fields(client, reference_data):
    entity = ready_entity()
    services.submit_sponsor_entity(actor=entity.owner)
    services.return_sponsor_entity(actor=make_reviewer(), entity=entity,
                                   reasons=reason_dicts(make_reasons()[:2]), note="请核对名称")
    client.force_login(entity.owner)
    status_page = client.get(reverse("sponsors:entity")).content.decode()
    assert "单位名称与证件不一致" in status_page and "请核对名称" in status_page
    response = client.get(EDIT)
    assert response.context["rows"]["name"]["reasons"][0]["code"] == "sponsor-name-unclear"
    assert "证件照片不清晰" in response.content.decode()  # a document reason, above the form


def test_an_entity_under_review_cannot_be_edited(client, reference_data):
    entity = ready_entity()
    services.submit_sponsor_entity(actor=entity.owner)
    client.force_login(entity.owner)
    assert client.get(EDIT).status_code == 302
    client.post(EDIT, enterprise_post(name="别的科技有限公司"))
    entity.refresh_from_db()
    assert entity.name == "北京云景科技有限公司"


def test_each_applicant_sees_only_their_own_entity(client, reference_data):
    ready_entity()
    client.force_login(make_applicant())
    response = client.get(reverse("sponsors:entity"))
    assert response.context["entity"] is None
    assert "北京云景科技有限公司" not in response.content.decode()


def test_submit_blocked_by_the_rules_shows_the_form_with_the_errors(client, reference_data):
    entity = ready_entity(person_name="王先生")
    client.force_login(entity.owner)
    response = client.post(reverse("sponsors:submit"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "real full name" in response.context["form"].errors["person_name"][0]
    entity.refresh_from_db()
    assert entity.status == "draft"


def test_names_and_addresses_over_the_limit_are_refused_in_our_words_and_never_cut(
        client, signed_in_applicant):
    """As in the website wizard (issue 13): no maxlength attribute cuts a paste; the limit is said."""
    fields = re.findall(r"<(?:input|textarea)\b[^>]*>", client.get(EDIT).content.decode())
    assert fields and not [field for field in fields if "maxlength" in field]
    long_values = {"name": "北京云景科技有限公司" * 25, "address": "建国路 88 号" * 50}
    response = client.post(EDIT, enterprise_post(**long_values))
    errors = response.context["form"].errors
    assert errors["name"] == ["最多 200 个字，您填写了 250 个。"]
    assert errors["address"] == ["最多 300 个字，您填写了 400 个。"]
    assert not SponsorEntity.objects.exists()
