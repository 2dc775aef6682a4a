"""Who creates, sees and (de)activates staff accounts (docs/adr/0030)."""

import pytest
from django.contrib.auth import authenticate

from beian.accounts.models import User
from beian.core.models import AuditEntry
from tests.factories import STAFF_PASSWORD

pytestmark = pytest.mark.django_db
Role = User.Role
NEW_PASSWORD = "Zhejiang-Police-2026"


def new_account(**overrides):
    data = {"username": "new_officer", "real_name": "陈静", "mobile": "13712345678",
            "email": "chen@example.cn", "role": Role.REVIEWER, "agency": "330106",
            "password": NEW_PASSWORD}
    data.update(overrides)
    return data


def test_a_supervisor_creates_a_reviewer_below_and_it_is_audited(client, staff, signed_in):
    supervisor = staff(Role.SUPERVISOR, "330100")
    signed_in(supervisor)
    response = client.post("/staff/accounts/new/", new_account())
    account = User.objects.get(username="new_officer")
    assert response.status_code == 302 and response["Location"] == f"/staff/accounts/{account.pk}/"
    assert account.role == Role.REVIEWER and account.agency.code == "330106" and account.is_active
    assert authenticate(username="new_officer", password=NEW_PASSWORD) == account
    entry = AuditEntry.objects.get(action="staff_account_created")
    assert entry.actor == supervisor and entry.object_id == str(account.pk)
    assert entry.details == {"username": "new_officer", "role": "reviewer", "agency": "330106"}


def test_a_supervisor_can_offer_only_the_reviewer_role_and_agencies_in_scope(client, staff, signed_in):
    signed_in(staff(Role.SUPERVISOR, "330100"))
    page = client.get("/staff/accounts/new/").content.decode()
    assert 'value="reviewer"' in page and 'value="supervisor"' not in page
    assert 'value="330106"' in page and 'value="330200"' not in page
    response = client.post("/staff/accounts/new/", new_account(role=Role.SUPERVISOR),
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "Select a valid choice" in response.content.decode()
    response = client.post("/staff/accounts/new/", new_account(agency="330203"), HTTP_ACCEPT_LANGUAGE="en")
    assert "You may not create accounts for agency 330203" in response.content.decode()
    assert not User.objects.filter(username="new_officer").exists()


def test_the_security_administrator_creates_supervisors_and_administrators_anywhere(client, staff, signed_in):
    signed_in(staff(Role.SECURITY_ADMINISTRATOR))
    response = client.post("/staff/accounts/new/", new_account(role=Role.SUPERVISOR, agency="440000"))
    assert response.status_code == 302
    assert User.objects.get(username="new_officer").agency.code == "440000"
    response = client.post("/staff/accounts/new/", new_account(
        username="the_auditor", role=Role.AUDITOR, agency="330106", mobile="13712345679",
        email="audit@example.cn"))
    assert response.status_code == 302
    assert User.objects.get(username="the_auditor").agency is None  # administrators belong to no agency


def test_nobody_creates_a_peer_security_administrator_or_an_applicant_here(client, staff, signed_in):
    signed_in(staff(Role.SECURITY_ADMINISTRATOR))
    for role in (Role.SECURITY_ADMINISTRATOR, Role.APPLICANT):
        response = client.post("/staff/accounts/new/", new_account(role=role), HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not User.objects.filter(username="new_officer").exists()


def test_the_form_explains_every_problem_and_keeps_what_was_typed(client, staff, signed_in):
    existing = staff(Role.REVIEWER, "330106")
    signed_in(staff(Role.SECURITY_ADMINISTRATOR))
    response = client.post("/staff/accounts/new/", new_account(
        username=existing.username, mobile=existing.mobile, agency="999999", password="short"),
        HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert "There is a problem" in page
    assert "This username is taken" in page
    assert "Another active account uses this mobile number" in page
    assert "There is no active agency with the code 999999" in page
    assert "too short" in page
    assert 'value="陈静"' in page and 'value="999999"' in page
    assert 'value="short"' not in page  # a password is never sent back
    response = client.post("/staff/accounts/new/", new_account(agency=""), HTTP_ACCEPT_LANGUAGE="en")
    assert "Reviewers and supervisors belong to a police agency" in response.content.decode()


def test_the_security_administrator_finds_agencies_by_name_or_code(client, staff, signed_in):
    signed_in(staff(Role.SECURITY_ADMINISTRATOR))
    page = client.get("/staff/accounts/agencies/", {"agency": "西湖"}).content.decode()
    assert "330106" in page
    assert "330106" in client.get("/staff/accounts/agencies/", {"agency": "33010"}).content.decode()


def test_the_list_shows_only_accounts_in_scope(client, staff, signed_in):
    inside = staff(Role.REVIEWER, "330106")
    outside = staff(Role.REVIEWER, "330203")
    applicant = staff(Role.APPLICANT)
    supervisor = staff(Role.SUPERVISOR, "330100")
    signed_in(supervisor)
    page = client.get("/staff/accounts/").content.decode()
    assert inside.username in page and supervisor.username in page
    assert outside.username not in page and applicant.username not in page
    assert client.get(f"/staff/accounts/{outside.pk}/").status_code == 404
    assert client.get(f"/staff/accounts/{applicant.pk}/").status_code == 404
    assert client.post(f"/staff/accounts/{outside.pk}/deactivate/").status_code == 404
    assert client.get("/staff/accounts/", {"q": inside.username}).content.decode().count("<tr>") == 2


def test_a_supervisor_deactivates_and_reactivates_a_reviewer_below(client, staff, signed_in):
    reviewer = staff(Role.REVIEWER, "330106")
    supervisor = staff(Role.SUPERVISOR, "330100")
    signed_in(supervisor)
    confirm = client.get(f"/staff/accounts/{reviewer.pk}/deactivate/", HTTP_ACCEPT_LANGUAGE="en")
    assert "will no longer be able to sign in" in confirm.content.decode()
    reviewer.refresh_from_db()
    assert reviewer.is_active  # a GET only asks
    assert client.post(f"/staff/accounts/{reviewer.pk}/deactivate/").status_code == 302
    reviewer.refresh_from_db()
    assert not reviewer.is_active
    assert authenticate(username=reviewer.username, password=STAFF_PASSWORD) is None
    client.post(f"/staff/accounts/{reviewer.pk}/deactivate/")  # twice: no second audit entry
    entries = AuditEntry.objects.filter(action="staff_account_deactivated", object_id=str(reviewer.pk))
    assert entries.count() == 1
    assert client.post(f"/staff/accounts/{reviewer.pk}/reactivate/").status_code == 302
    reviewer.refresh_from_db()
    assert reviewer.is_active
    assert AuditEntry.objects.filter(action="staff_account_reactivated", actor=supervisor).count() == 1


def test_a_deactivated_officer_is_signed_out_at_the_next_page(client, staff, signed_in):
    reviewer = staff(Role.REVIEWER, "330106")
    signed_in(reviewer)
    assert client.get("/staff/").status_code == 200
    User.objects.filter(pk=reviewer.pk).update(is_active=False)
    assert client.get("/staff/")["Location"].startswith("/accounts/login/")


def test_supervisors_cannot_touch_supervisors_or_themselves(client, staff, signed_in):
    supervisor = staff(Role.SUPERVISOR, "330100")
    county_supervisor = staff(Role.SUPERVISOR, "330106")
    signed_in(supervisor)
    assert client.get(f"/staff/accounts/{county_supervisor.pk}/").status_code == 200  # may see it
    assert client.post(f"/staff/accounts/{county_supervisor.pk}/deactivate/").status_code == 403
    assert client.post(f"/staff/accounts/{supervisor.pk}/deactivate/").status_code == 403
    assert "deactivate" not in client.get(f"/staff/accounts/{supervisor.pk}/").content.decode()


def test_the_security_administrator_cannot_deactivate_a_peer_or_themselves(client, staff, signed_in):
    admin = staff(Role.SECURITY_ADMINISTRATOR)
    peer = staff(Role.SECURITY_ADMINISTRATOR)
    auditor = staff(Role.AUDITOR)
    signed_in(admin)
    assert client.post(f"/staff/accounts/{peer.pk}/deactivate/").status_code == 403
    assert client.post(f"/staff/accounts/{admin.pk}/deactivate/").status_code == 403
    assert client.post(f"/staff/accounts/{auditor.pk}/deactivate/").status_code == 302
    auditor.refresh_from_db()
    assert not auditor.is_active


def test_reactivation_refused_when_the_mobile_is_now_used_by_someone_else(client, staff, signed_in):
    reviewer = staff(Role.REVIEWER, "330106")
    signed_in(staff(Role.SECURITY_ADMINISTRATOR))
    client.post(f"/staff/accounts/{reviewer.pk}/deactivate/")
    User.objects.create_user("taker_of_mobile", password=STAFF_PASSWORD, mobile=reviewer.mobile)
    response = client.post(f"/staff/accounts/{reviewer.pk}/reactivate/", follow=True,
                           HTTP_ACCEPT_LANGUAGE="en")
    assert "cannot be reactivated" in response.content.decode()
    reviewer.refresh_from_db()
    assert not reviewer.is_active


def test_a_lost_phone_is_reset_by_a_supervisor_and_the_next_sign_in_enrols_again(client, staff, signed_in):
    reviewer = staff(Role.REVIEWER, "330106")
    supervisor = staff(Role.SUPERVISOR, "330100")
    signed_in(supervisor)
    assert "reset-authenticator" in client.get(f"/staff/accounts/{reviewer.pk}/").content.decode()
    assert client.post(f"/staff/accounts/{reviewer.pk}/reset-authenticator/").status_code == 302
    assert not reviewer.totpdevice_set.exists()
    assert AuditEntry.objects.filter(action="totp_reset", actor=supervisor).count() == 1
    client.force_login(reviewer)
    assert client.get("/staff/")["Location"].startswith("/staff/otp/enrol/")


def test_the_pages_speak_chinese_by_default(client, staff, signed_in):
    staff(Role.REVIEWER, "330106")
    signed_in(staff(Role.SUPERVISOR, "330100"))
    page = client.get("/staff/accounts/").content.decode()
    assert "工作人员账号" in page and "共 2 个账号" in page
