"""A security administrator creates a reviewer account; the reviewer's first sign-in enrols an
authenticator app (reading the key from the page, as a person would type it), and the next sign-in
asks for a code."""

import re

from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from beian.accounts.models import User
from tests.e2e.staff_helpers import code_for_key_hex, code_for_secret, sign_in, sign_out

ADMIN_PASSWORD = "Security-Admin-2026"
ADMIN_KEY = "3132333435363738393031323334353637383930"
REVIEWER_PASSWORD = "Reviewer-Westlake-77"


def _security_administrator():
    admin = User.objects.create_user("sec_admin", password=ADMIN_PASSWORD,
                                     role=User.Role.SECURITY_ADMINISTRATOR, real_name="周安",
                                     mobile="13900000001", email="sec@example.cn")
    TOTPDevice.objects.create(user=admin, name="phone", key=ADMIN_KEY, confirmed=True)
    return admin


def test_a_new_reviewer_enrols_totp_at_the_first_sign_in(page, accessible):
    _security_administrator()

    # The security administrator signs in: password, then the code.
    sign_in(page, "sec_admin", ADMIN_PASSWORD)
    expect(page).to_have_url(re.compile(r"/staff/otp/verify/"))
    accessible(page)
    page.locator("input[name='code']").fill(code_for_key_hex(ADMIN_KEY))
    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/staff/$"))
    accessible(page)

    # … creates the reviewer account through the UI.
    page.locator("main a[href='/staff/accounts/']").first.click()
    expect(page).to_have_url(re.compile(r"/staff/accounts/$"))
    accessible(page)
    page.locator("main a[href='/staff/accounts/new/']").click()
    accessible(page)
    page.locator("#id_username").fill("wang_reviewer")
    page.locator("#id_real_name").fill("王芳")
    page.locator("#id_mobile").fill("13712340000")
    page.locator("#id_email").fill("wangfang@example.cn")
    page.locator("#id_role").select_option("reviewer")
    page.locator("#id_agency").fill("西湖")
    expect(page.locator("#agency-matches")).to_contain_text("330106")
    accessible(page)
    page.locator("#id_agency").fill("330106")
    page.locator("#id_password").fill(REVIEWER_PASSWORD)
    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/staff/accounts/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("王芳")
    accessible(page)
    sign_out(page)

    # The reviewer's first sign-in goes to enrolment.
    sign_in(page, "wang_reviewer", REVIEWER_PASSWORD)
    expect(page).to_have_url(re.compile(r"/staff/otp/enrol/"))
    expect(page.locator("img.qr-code")).to_have_attribute("src", re.compile(r"^data:image/svg\+xml;base64,"))
    accessible(page)
    secret = page.locator("[data-totp-secret]").inner_text()
    page.locator("input[name='code']").fill(code_for_secret(secret))
    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/staff/$"))
    expect(page.locator("main")).to_contain_text("330106")
    accessible(page)
    assert TOTPDevice.objects.get(user__username="wang_reviewer").confirmed

    # Signing in again asks for the code from the app (the next 30-second code: each is single use).
    sign_out(page)
    sign_in(page, "wang_reviewer", REVIEWER_PASSWORD)
    expect(page).to_have_url(re.compile(r"/staff/otp/verify/"))
    accessible(page)
    page.locator("input[name='code']").fill(code_for_secret(secret, 1))
    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/staff/$"))
    accessible(page)


def _staff(username, role, agency_code=None, mobile="13900000009"):
    from beian.core.models import Agency

    user = User.objects.create_user(username, password=ADMIN_PASSWORD, role=role, real_name="测试",
                                    mobile=mobile, email=f"{username}@example.cn",
                                    agency=Agency.objects.get(code=agency_code) if agency_code else None)
    TOTPDevice.objects.create(user=user, name="phone", key=ADMIN_KEY, confirmed=True)
    return user


def _sign_in_with_code(page, username):
    sign_in(page, username, ADMIN_PASSWORD)
    expect(page).to_have_url(re.compile(r"/staff/otp/verify/"))
    page.locator("input[name='code']").fill(code_for_key_hex(ADMIN_KEY))
    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/staff/$"))


def test_a_supervisor_deactivates_a_reviewer_and_the_auditor_sees_it(page, accessible):
    _staff("city_supervisor", User.Role.SUPERVISOR, "330100", mobile="13900000002")
    reviewer = _staff("county_reviewer", User.Role.REVIEWER, "330106", mobile="13900000003")
    _staff("the_auditor", User.Role.AUDITOR, mobile="13900000004")

    _sign_in_with_code(page, "city_supervisor")
    page.goto(f"/staff/accounts/{reviewer.pk}/")
    accessible(page)
    page.locator(f"main a[href='/staff/accounts/{reviewer.pk}/deactivate/']").click()
    accessible(page)
    page.locator("main form button[type='submit']").click()
    expect(page.locator(".notice-success")).to_contain_text("county_reviewer")
    page.goto("/staff/accounts/new/")
    accessible(page)  # the supervisor's form: a select of agencies in scope
    sign_out(page)

    _sign_in_with_code(page, "the_auditor")
    page.locator("main a[href='/staff/audit/']").click()
    # The label is the text; the code stays on the row (ADR 0108).
    expect(page.locator("main table [data-action='staff_account_deactivated']")).to_be_visible()
    accessible(page)
    page.locator("#id_action").select_option("staff_account_deactivated")
    page.locator("main form.filter-form button").click()
    expect(page.locator("main tbody tr")).to_have_count(1)
    accessible(page)
    page.locator("main a[href='/staff/audit/verify/']").click()
    expect(page.locator("[data-chain-intact]")).to_be_visible()
    accessible(page)
