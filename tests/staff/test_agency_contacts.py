"""Agencies' contact details (SPEC §3): a supervisor keeps their own agency's, the system administrator
every agency's; reviewers only read them. Every change is audited; the telephone follows the rules of
an office telephone (area code and number, or a mobile)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from beian.accounts.models import User
from beian.core.models import Agency, AuditEntry
from beian.staff.services import update_agency_contacts

pytestmark = pytest.mark.django_db
Role = User.Role
CONTACTS = {"telephone": "0571-87280000", "address": "杭州市西湖区文三路 100 号",
            "office_hours": "工作日 9:00–17:00"}


def agency(code) -> Agency:
    return Agency.objects.get(code=code)


# --- the service --------------------------------------------------------------------------------

def test_a_supervisor_sets_the_contacts_of_their_own_agency_and_it_is_audited(staff):
    supervisor = staff(Role.SUPERVISOR, "330106")
    updated = update_agency_contacts(actor=supervisor, agency=agency("330106"), client_address="10.0.0.8",
                                     **CONTACTS)
    assert {field: getattr(agency("330106"), field) for field in CONTACTS} == CONTACTS == {
        field: getattr(updated, field) for field in CONTACTS}
    entry = AuditEntry.objects.get(action="agency_contacts_changed")
    assert entry.actor == supervisor and entry.object_type == "core.agency"
    assert entry.object_id == str(updated.pk) and entry.client_address == "10.0.0.8"
    assert entry.details == {"agency": "330106", "changes": {
        "telephone": ["", "0571-87280000"], "address": ["", CONTACTS["address"]],
        "office_hours": ["", CONTACTS["office_hours"]]}}


def test_the_audit_entry_names_only_what_changed_and_saving_the_same_again_is_not_audited(staff):
    administrator = staff(Role.SYSTEM_ADMINISTRATOR)
    update_agency_contacts(actor=administrator, agency=agency("440000"), **CONTACTS)
    update_agency_contacts(actor=administrator, agency=agency("440000"), **CONTACTS)
    assert AuditEntry.objects.filter(action="agency_contacts_changed").count() == 1
    update_agency_contacts(actor=administrator, agency=agency("440000"),
                           **{**CONTACTS, "telephone": "020-83118110"})
    latest = AuditEntry.objects.filter(action="agency_contacts_changed").latest("id")
    assert latest.details["changes"] == {"telephone": ["0571-87280000", "020-83118110"]}


def test_the_system_administrator_sets_the_contacts_of_any_agency(staff):
    update_agency_contacts(actor=staff(Role.SYSTEM_ADMINISTRATOR), agency=agency("650000"), **CONTACTS)
    assert agency("650000").telephone == "0571-87280000"


@pytest.mark.parametrize(("role", "agency_code", "target"), [
    (Role.SUPERVISOR, "330100", "330106"),  # an agency below: it has supervisors of its own
    (Role.SUPERVISOR, "330100", "330000"),  # the agency above
    (Role.SUPERVISOR, "330100", "440100"),  # outside the jurisdiction
    (Role.REVIEWER, "330106", "330106"),  # a reviewer only reads the contacts of their agency
    (Role.SECURITY_ADMINISTRATOR, None, "330106"),  # accounts are their duty, platform data is not
    (Role.AUDITOR, None, "330106"),
    (Role.APPLICANT, None, "330106"),
])
def test_everybody_else_is_refused_and_nothing_changes(staff, role, agency_code, target):
    with pytest.raises(PermissionDenied):
        update_agency_contacts(actor=staff(role, agency_code), agency=agency(target), **CONTACTS)
    assert agency(target).telephone == ""
    assert not AuditEntry.objects.filter(action="agency_contacts_changed").exists()


def test_a_deactivated_supervisor_is_refused(staff):
    supervisor = staff(Role.SUPERVISOR, "330106", is_active=False)
    with pytest.raises(PermissionDenied):
        update_agency_contacts(actor=supervisor, agency=agency("330106"), **CONTACTS)


@pytest.mark.parametrize(("telephone", "message"), [
    ("87280000", "area code"),  # no area code
    ("0571-8728", "area code"),  # too short
    ("0571-88888888", "applicants can reach the agency"),  # one digit repeated
    ("12345678901", "does not look real"),  # a run
    ("call us", "area code"),
])
def test_a_telephone_that_is_not_a_real_mainland_number_is_refused_in_the_users_language(
        staff, telephone, message):
    supervisor = staff(Role.SUPERVISOR, "330106")
    wanted = {**CONTACTS, "telephone": telephone}
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        update_agency_contacts(actor=supervisor, agency=agency("330106"), **wanted)
    assert message in refused.value.message_dict["telephone"][0]
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        update_agency_contacts(actor=supervisor, agency=agency("330106"), **wanted)
    assert "号码" in refused.value.message_dict["telephone"][0]
    assert agency("330106").telephone == ""
    assert not AuditEntry.objects.filter(action="agency_contacts_changed").exists()


@pytest.mark.parametrize(("typed", "stored"), [
    ("０５７１－８７２８００００", "0571-87280000"),  # full-width, as typed on a Chinese keyboard
    ("  0571 - 8728 0000 ", "0571 - 8728 0000"),
    ("0571-87280000转8001", "0571-87280000转8001"),  # an extension
    ("13800138000", "13800138000"),  # a mobile
    ("", ""),  # no telephone (yet): the messages then name the agency
])
def test_accepted_telephones_are_stored_as_plain_text(staff, typed, stored):
    update_agency_contacts(actor=staff(Role.SUPERVISOR, "330106"), agency=agency("330106"),
                           **{**CONTACTS, "telephone": typed})
    assert agency("330106").telephone == stored


# --- the pages ----------------------------------------------------------------------------------

def contacts_form(**overrides):
    return {**CONTACTS, **overrides}


def test_chinese_punctuation_in_the_address_and_office_hours_stays_as_typed(staff):
    update_agency_contacts(actor=staff(Role.SUPERVISOR, "330106"), agency=agency("330106"),
                           telephone="", address="  杭州市西湖区（示例）路 1 号  ",
                           office_hours="工作日 9:00–12:00，13:30–17:00")
    saved = agency("330106")
    assert saved.address == "杭州市西湖区（示例）路 1 号"
    assert saved.office_hours == "工作日 9:00–12:00，13:30–17:00"


def test_a_supervisor_edits_their_own_agency_on_the_page(client, staff, signed_in):
    supervisor = staff(Role.SUPERVISOR, "330100")
    signed_in(supervisor)
    page = client.get("/staff/agencies/330100/")
    assert page.status_code == 200 and "杭州" in page.content.decode()
    response = client.post("/staff/agencies/330100/", contacts_form(), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == "/staff/agencies/330100/"
    assert agency("330100").telephone == "0571-87280000"
    entry = AuditEntry.objects.get(action="agency_contacts_changed")
    assert entry.actor == supervisor and entry.client_address == "127.0.0.1"
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "were saved" in page and 'value="0571-87280000"' in page


def test_the_page_says_what_is_wrong_with_the_telephone_and_keeps_the_typed_values(client, staff, signed_in):
    signed_in(staff(Role.SUPERVISOR, "330100"))
    response = client.post("/staff/agencies/330100/", contacts_form(telephone="010-1234"),
                           HTTP_ACCEPT_LANGUAGE="zh-hans")
    page = response.content.decode()
    assert response.status_code == 200
    assert "请填写带区号的内地固定电话" in page and CONTACTS["address"] in page
    assert agency("330100").telephone == ""


def test_too_long_a_text_is_refused_with_its_limit(client, staff, signed_in):
    signed_in(staff(Role.SUPERVISOR, "330100"))
    response = client.post("/staff/agencies/330100/", contacts_form(office_hours="9" * 150),
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "Use at most 100 characters (you entered 150)." in response.content.decode()
    # The browser does not cut a pasted text silently: the server says the limit.
    assert 'maxlength="100"' not in client.get("/staff/agencies/330100/").content.decode()
    assert agency("330100").office_hours == ""


def test_a_supervisor_gets_403_for_an_agency_below_and_404_outside_their_jurisdiction(client, staff,
                                                                                      signed_in):
    signed_in(staff(Role.SUPERVISOR, "330100"))
    assert client.get("/staff/agencies/330106/").status_code == 403
    assert client.post("/staff/agencies/330106/", contacts_form()).status_code == 403
    assert client.get("/staff/agencies/440100/").status_code == 404
    assert client.post("/staff/agencies/440100/", contacts_form()).status_code == 404
    assert client.get("/staff/agencies/999999/").status_code == 404
    assert agency("330106").telephone == agency("440100").telephone == ""
    # The list of every agency is the system administrator's.
    assert client.get("/staff/agencies/").status_code == 403


def test_a_reviewer_cannot_open_or_post_the_contacts_of_their_own_agency(client, staff, signed_in):
    signed_in(staff(Role.REVIEWER, "330106"))
    assert client.get("/staff/agencies/330106/").status_code == 403
    assert client.post("/staff/agencies/330106/", contacts_form()).status_code == 403
    assert agency("330106").telephone == ""


def test_the_system_administrator_finds_agencies_without_a_telephone_and_edits_any(client, staff, signed_in):
    administrator = staff(Role.SYSTEM_ADMINISTRATOR)
    Agency.objects.filter(code="330106").update(telephone="0571-86081234")
    signed_in(administrator)
    page = client.get("/staff/agencies/", {"q": "3301"}).content.decode()
    assert "0571-86081234" in page and "/staff/agencies/330106/" in page
    missing = client.get("/staff/agencies/", {"q": "3301", "without_telephone": "1"}).content.decode()
    assert "/staff/agencies/330106/" not in missing and "/staff/agencies/330102/" in missing
    assert 'name="without_telephone" value="1" checked' in missing
    by_name = client.get("/staff/agencies/", {"q": "西湖"}).content.decode()
    assert "/staff/agencies/330106/" in by_name and "/staff/agencies/440100/" not in by_name
    response = client.post("/staff/agencies/440100/", contacts_form(telephone="020-83118110"))
    assert response.status_code == 302 and agency("440100").telephone == "020-83118110"
    assert AuditEntry.objects.get(action="agency_contacts_changed").actor == administrator


def test_the_staff_home_links_each_editor_to_their_page(client, staff, signed_in):
    signed_in(staff(Role.SUPERVISOR, "330100"))
    page = client.get("/staff/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "/staff/agencies/330100/" in page and "No telephone yet." in page
    signed_in(staff(Role.SYSTEM_ADMINISTRATOR))
    assert 'href="/staff/agencies/"' in client.get("/staff/").content.decode()
    signed_in(staff(Role.REVIEWER, "330106"))
    assert "/staff/agencies/" not in client.get("/staff/").content.decode()


def test_the_django_admin_shows_the_contacts_read_only_and_links_the_audited_page(client, staff, signed_in):
    signed_in(staff(Role.SYSTEM_ADMINISTRATOR, is_staff=True, is_superuser=True))
    target = agency("330106")
    page = client.get(f"/admin/core/agency/{target.pk}/change/").content.decode()
    assert 'name="telephone"' not in page and 'href="/staff/agencies/330106/"' in page
