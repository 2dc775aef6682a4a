"""Walk every URL of the staff area as an applicant and as each staff role (deny by default).

Each role signs in with password and TOTP; the table says which URL names it may open. Everything
else must answer 403 (the page exists, this role may not use it). A URL added to beian/staff/urls.py
without a row here fails test_the_table_covers_every_staff_url.
"""

import re

import pytest
from django.urls import get_resolver

from beian.accounts.models import User

pytestmark = pytest.mark.django_db
Role = User.Role
ALL_STAFF = {Role.REVIEWER, Role.SUPERVISOR, Role.SYSTEM_ADMINISTRATOR, Role.SECURITY_ADMINISTRATOR,
             Role.AUDITOR}
ACCOUNT_ADMINS = {Role.SUPERVISOR, Role.SECURITY_ADMINISTRATOR}

# URL name → roles that may open it. The OTP pages redirect a verified user on (302).
ALLOWED = {
    "home": ALL_STAFF,
    "otp_enrol": ALL_STAFF,
    "otp_verify": ALL_STAFF,
    "accounts": ACCOUNT_ADMINS,
    "account_create": ACCOUNT_ADMINS,
    "agency_lookup": ACCOUNT_ADMINS,
    "account_detail": ACCOUNT_ADMINS,
    "account_deactivate": ACCOUNT_ADMINS,
    "account_reactivate": ACCOUNT_ADMINS,
    "account_reset_otp": ACCOUNT_ADMINS,
    "agencies": {Role.SYSTEM_ADMINISTRATOR},
    "agency_contacts": {Role.SUPERVISOR, Role.SYSTEM_ADMINISTRATOR},
    "audit": {Role.AUDITOR},
    "audit_verify": {Role.AUDITOR},
    "personal_data_register": {Role.SYSTEM_ADMINISTRATOR, Role.SECURITY_ADMINISTRATOR, Role.AUDITOR},
}
ROLES = [Role.APPLICANT, *sorted(ALL_STAFF)]


def _staff_patterns():
    resolver = get_resolver()
    staff = next(p for p in resolver.url_patterns if getattr(p, "namespace", None) == "staff")
    return {p.name: str(p.pattern) for p in staff.url_patterns}


def test_the_table_covers_every_staff_url():
    assert set(_staff_patterns()) == set(ALLOWED)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_exactly_the_pages_of_its_duty(client, staff, signed_in, role):
    user = staff(role, "330100" if role in User.POLICE_ROLES else None)
    # A reviewer in scope of the supervisor and visible to the security administrator.
    target = staff(Role.REVIEWER, "330106")
    signed_in(user)
    for name, pattern in _staff_patterns().items():
        # Agency pages name the agency of the police accounts (a supervisor's own agency).
        path = "/staff/" + re.sub(r"<int:pk>", str(target.pk), pattern).replace("<str:code>", "330100")
        status = client.get(path).status_code
        if role in ALLOWED[name]:
            assert status in (200, 302), f"{role} should open {name}: {status}"
        else:
            assert status == 403, f"{role} must be refused {name}: {status}"
