"""The owner's "show the full number" (SPEC §8): the sponsor page shows the certificate masked; the
owner clicks "show", is asked for the password, a wrong one is refused with a clear message, the
right one shows the full number for a few minutes (the view is audited)."""

import re

from playwright.sync_api import expect

from beian.core import pii
from beian.core.models import AuditEntry
from tests.e2e.accounts_helpers import clean_limits  # noqa: F401 - fixture: no lock-out left over
from tests.e2e.staff_helpers import sign_in
from tests.factories import PASSWORD, make_applicant
from tests.sponsors.helpers import ENTERPRISE_USCC, PERSON_ID, ready_entity


def test_the_owner_sees_the_full_number_after_the_password(page, accessible, clean_limits):  # noqa: F811
    entity = ready_entity(make_applicant("reveal_owner"))
    sign_in(page, "reveal_owner", PASSWORD)
    page.goto("/sponsor/")
    expect(page.locator("#certificate-sponsor")).to_have_text(pii.mask(ENTERPRISE_USCC))
    expect(page.locator("main")).not_to_contain_text(ENTERPRISE_USCC)
    expect(page.locator("main")).not_to_contain_text(PERSON_ID)
    accessible(page)

    page.locator("a[href='/sponsor/show/sponsor/']").click()
    expect(page).to_have_url(re.compile(r"/sponsor/show/sponsor/$"))
    accessible(page)
    page.fill("#id_password", "not-my-password")
    page.locator("main form button[type='submit']").click()
    expect(page.locator(".error-summary")).to_contain_text("密码不正确")
    expect(page.locator("#id_password")).to_have_attribute("aria-invalid", "true")
    accessible(page)

    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/sponsor/#certificate-sponsor$"))
    expect(page.locator("#certificate-sponsor")).to_have_text(ENTERPRISE_USCC)
    expect(page.locator("main")).to_contain_text("审计日志")
    expect(page.locator("main")).not_to_contain_text(PERSON_ID)  # only the number asked for
    accessible(page)
    assert AuditEntry.objects.filter(action="pii_viewed", actor=entity.owner,
                                     details={"field": "sponsor", "by": "owner"}).count() == 1
    assert AuditEntry.objects.filter(action="reauth_failed", actor=entity.owner).count() == 1
