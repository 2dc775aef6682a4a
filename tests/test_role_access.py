"""Deny by default, per role: walk every URL of each area as every role that must not use it.

Anonymous visitors are covered by test_url_access.py; here signed-in users (staff with their second
factor) must get 403 or 404 — never a page — outside their own area."""

import pytest
from django.urls import reverse

from tests.factories import make_staff, sign_in_verified
from tests.test_url_access import ALL_PATTERNS, _sample_path

# Area (path prefix) → the roles that may use it. Everything else must be refused to other roles.
AREAS = {
    "review/": {"reviewer", "supervisor"},
    "sponsor/": {"applicant"},
    "filings/": {"applicant"},
    "inspections/": {"applicant"},
    "cancellations/": {"applicant"},
    "admin/": set(),  # superusers only; none of the accounts below is one
    "claims/": {"applicant"},
    # The person's rights: a copy of one's data, closing one's account (applicants only).
    "my-account/": {"applicant"},
    "legacy/": {"reviewer", "supervisor", "system_administrator"},
    "unregistered/workbench/": {"reviewer", "supervisor", "system_administrator"},
    # Agencies' contact details: a supervisor their own agency's, the system administrator all.
    "staff/agencies/": {"supervisor", "system_administrator"},
    "staff/api-tokens/": {"security_administrator"},
    # The register of personal data: the administrators and the auditor.
    "staff/personal-data/": {"system_administrator", "security_administrator", "auditor"},
}
ROLES = {
    "applicant": None,
    "reviewer": "330106",
    "supervisor": "330100",
    "system_administrator": None,
    "security_administrator": None,
    "auditor": None,
}
SIGN_IN_PAGES = ("/accounts/login/", "/admin/login/")
# The admin has hundreds of generated pages guarded by one check: its index and one model page stand
# for them.
ADMIN_SAMPLES = {"admin/", "admin/review/returnreason/", "admin/accounts/user/"}
CASES = [(role, pattern) for role in ROLES for _, pattern in ALL_PATTERNS
         for area, allowed in AREAS.items()
         if pattern.startswith(area) and role not in allowed and "login" not in pattern
         and "logout" not in pattern and (area != "admin/" or pattern in ADMIN_SAMPLES)]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "pattern"), CASES, ids=[f"{role}:{pattern}" for role, pattern in CASES])
def test_other_roles_are_refused(client, reference_data, role, pattern):
    user = make_staff(role, ROLES[role])
    sign_in_verified(client, user)
    response = client.get(_sample_path(pattern))
    if response.status_code in (301, 302):
        # A redirect may only lead to a sign-in page or to a page that itself refuses.
        target = response["Location"]
        assert target.startswith(SIGN_IN_PAGES) or client.get(target).status_code in (403, 404), target
        return
    assert response.status_code in (403, 404, 405), f"{role} got {response.status_code} on {pattern}"


def test_every_area_has_cases():
    assert {pattern.split("/")[0] + "/" for _, pattern in CASES} >= {
        "review/", "sponsor/", "filings/", "admin/", "staff/", "my-account/"}
    assert reverse("review:queue").startswith("/review/")
