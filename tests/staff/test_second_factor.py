"""A police or administrative account cannot get past a sign-in without its TOTP code."""

import base64
import datetime

import pytest
from django.contrib.auth import login
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.shortcuts import redirect
from django.test import RequestFactory
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.accounts.models import User
from beian.core.models import AuditEntry
from beian.staff.middleware import SecondFactorMiddleware
from tests.factories import current_code

pytestmark = pytest.mark.django_db
Role = User.Role
ENROL, VERIFY = "/staff/otp/enrol/", "/staff/otp/verify/"


def actions(user):
    return list(AuditEntry.objects.filter(actor=user).values_list("action", flat=True))


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.SUPERVISOR, Role.SYSTEM_ADMINISTRATOR,
                                  Role.SECURITY_ADMINISTRATOR, Role.AUDITOR])
def test_every_staff_role_is_sent_to_the_code_before_any_page(client, staff, role):
    user = staff(role, "330106" if role in User.POLICE_ROLES else None)
    client.force_login(user)
    for path in ("/staff/", "/staff/accounts/", "/staff/audit/", "/admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(VERIFY + "?next=")


def test_without_a_device_the_officer_is_sent_to_enrolment(client, staff):
    client.force_login(staff(Role.REVIEWER, "330106", enrolled=False))
    response = client.get("/staff/accounts/")
    assert response.status_code == 302
    assert response["Location"] == ENROL + "?next=%2Fstaff%2Faccounts%2F"


def test_public_pages_sign_out_and_the_language_switch_stay_open(client, staff):
    client.force_login(staff(Role.REVIEWER, "330106"))
    assert client.get("/").status_code == 200
    assert client.get(VERIFY).status_code == 200
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and VERIFY not in response["Location"]
    assert "_auth_user_id" not in client.session


def test_applicants_are_not_asked_for_a_code_and_cannot_open_otp_pages(client, staff):
    client.force_login(staff(Role.APPLICANT))
    assert client.get("/").status_code == 200
    assert client.get(ENROL).status_code == 403
    assert client.get(VERIFY).status_code == 403
    assert not TOTPDevice.objects.exists()


def _signed_in_request(user):
    request = RequestFactory().post("/accounts/login/")
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = AnonymousUser()

    def sign_in_view(request):
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("/")

    return SecondFactorMiddleware(sign_in_view)(request)


def test_a_successful_password_sign_in_continues_to_the_code_not_to_the_page(staff):
    enrolled = staff(Role.REVIEWER, "330106")
    assert _signed_in_request(enrolled)["Location"] == VERIFY + "?next=%2Fstaff%2F"
    new = staff(Role.SUPERVISOR, "330100", enrolled=False)
    assert _signed_in_request(new)["Location"] == ENROL + "?next=%2Fstaff%2F"
    applicant = staff(Role.APPLICANT)
    assert _signed_in_request(applicant)["Location"] == "/"


def test_enrolment_shows_a_qr_code_and_the_key_and_keeps_them_on_reload(client, staff):
    user = staff(Role.REVIEWER, "330106", enrolled=False)
    client.force_login(user)
    first = client.get(ENROL + "?next=/staff/accounts/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'src="data:image/svg+xml;base64,' in first
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    assert client.get(ENROL).status_code == 200
    assert TOTPDevice.objects.filter(user=user).count() == 1
    secret = base64.b32encode(device.bin_key).decode()
    assert f"<span>{secret[:4]}</span> <span>{secret[4:8]}</span>" in first
    assert 'value="/staff/accounts/"' in first


def test_a_right_code_confirms_the_device_verifies_the_session_and_is_audited(client, staff):
    user = staff(Role.REVIEWER, "330106", enrolled=False)
    client.force_login(user)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(ENROL, {"code": current_code(device), "next": "/staff/"})
    assert response.status_code == 302 and response["Location"] == "/staff/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/staff/").status_code == 200
    assert actions(user) == ["totp_enrolled"]
    # Once enrolled, the enrolment page cannot be used to add a second device.
    assert client.get(ENROL).status_code == 302


def test_a_wrong_code_says_so_and_keeps_the_officer_out(client, staff):
    user = staff(Role.REVIEWER, "330106")
    client.force_login(user)
    response = client.post(VERIFY, {"code": "000000" if current_code(user.totpdevice_set.get()) != "000000"
                                    else "111111"}, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "This code is not correct" in page
    assert "already been used" not in page
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get("/staff/").status_code == 302
    assert actions(user) == ["totp_failed"]


def test_a_code_used_already_says_so_not_to_check_the_clock(client, staff):
    """A code signs in once (django-otp's last_t): using it again within its 30 seconds, e.g. signing
    in again right after signing out, is told apart from a wrong code."""
    user = staff(Role.REVIEWER, "330106")
    code = current_code(user.totpdevice_set.get())
    client.force_login(user)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.logout()
    client.force_login(user)
    response = client.post(VERIFY, {"code": code}, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200 and DEVICE_ID_SESSION_KEY not in client.session
    assert "This code has already been used" in page and "clock" not in page
    entry = AuditEntry.objects.filter(actor=user, action="totp_failed").get()
    assert entry.details["already_used"] is True


def test_malformed_codes_are_explained(client, staff):
    client.force_login(staff(Role.REVIEWER, "330106"))
    response = client.post(VERIFY, {"code": "12ab"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Enter the six digits the app shows" in response.content.decode()


def test_a_code_with_a_space_is_accepted_and_audited(client, staff):
    user = staff(Role.AUDITOR)
    client.force_login(user)
    code = current_code(user.totpdevice_set.get())
    response = client.post(VERIFY, {"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302 and response["Location"] == "/staff/"
    assert actions(user) == ["totp_verified"]


def test_after_five_wrong_codes_the_officer_must_wait(client, staff, monkeypatch):
    user = staff(Role.REVIEWER, "330106")
    device = user.totpdevice_set.get()
    client.force_login(user)
    start = timezone.now()
    clock = {"now": start}
    monkeypatch.setattr(timezone, "now", lambda: clock["now"])
    wrong = "000000" if current_code(device) != "000000" else "111111"
    for attempt in range(5):
        # Each try comes after the short pause of the previous failure has passed.
        clock["now"] = start + datetime.timedelta(minutes=attempt)
        client.post(VERIFY, {"code": wrong})
    clock["now"] = start + datetime.timedelta(minutes=4, seconds=5)
    response = client.post(VERIFY, {"code": current_code(device)}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Too many wrong codes. Wait until" in response.content.decode()
    assert DEVICE_ID_SESSION_KEY not in client.session
    clock["now"] = start + datetime.timedelta(minutes=5)
    response = client.post(VERIFY, {"code": current_code(device)})
    assert response.status_code == 302
    assert actions(user).count("totp_failed") == 6


def test_the_admin_site_is_behind_the_second_factor_and_only_for_admin_accounts(client, staff, signed_in):
    superuser = staff(Role.SYSTEM_ADMINISTRATOR, is_staff=True, is_superuser=True)
    client.force_login(superuser)
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    signed_in(superuser)
    assert client.get("/admin/").status_code == 200
    reviewer = staff(Role.REVIEWER, "330106")
    signed_in(reviewer)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_superuser_without_a_staff_role_still_needs_the_code(client, staff):
    user = staff(Role.APPLICANT, is_staff=True, is_superuser=True)
    client.force_login(user)
    assert client.get("/admin/")["Location"].startswith(ENROL)
