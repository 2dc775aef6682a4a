import datetime

import pytest
from django.utils import timezone

from beian.accounts.models import User
from beian.core import audit
from beian.core.models import AuditEntry
from tests.core.audit_tampering import triggers_disabled

pytestmark = pytest.mark.django_db
Role = User.Role


def test_the_auditor_reads_and_filters_the_log(client, staff, signed_in):
    reviewer = staff(Role.REVIEWER, "330106")
    audit.record(actor=reviewer, action="totp_verified")
    audit.record(actor=reviewer, action="filing_approved", details={"record": "33010602000001"})
    auditor = staff(Role.AUDITOR)
    signed_in(auditor)
    page = client.get("/staff/audit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "filing_approved" in page and "totp_verified" in page and "record: 33010602000001" in page
    page = client.get("/staff/audit/", {"action": "filing_approved"}).content.decode()
    assert "<code>filing_approved</code>" in page and "<code>totp_verified</code>" not in page
    page = client.get("/staff/audit/", {"actor": "nobody"}).content.decode()
    assert "<code>filing_approved</code>" not in page
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page = client.get("/staff/audit/", {"since": tomorrow.isoformat()}).content.decode()
    assert "<code>filing_approved</code>" not in page
    page = client.get("/staff/audit/", {"until": timezone.localdate().isoformat()}).content.decode()
    assert "<code>filing_approved</code>" in page


def test_bad_filters_are_explained_not_a_crash(client, staff, signed_in):
    signed_in(staff(Role.AUDITOR))
    response = client.get("/staff/audit/", {"since": "yesterday", "until": "2026-01-01", "page": "x"},
                          HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Enter a date such as 2026-01-31" in response.content.decode()
    response = client.get("/staff/audit/", {"since": "2026-02-01", "until": "2026-01-01"},
                          HTTP_ACCEPT_LANGUAGE="en")
    assert "The end date is before the start date" in response.content.decode()


def test_the_chain_check_reports_intact_and_broken_logs(client, staff, signed_in):
    reviewer = staff(Role.REVIEWER, "330106")
    for _ in range(3):
        audit.record(actor=reviewer, action="totp_verified")
    signed_in(staff(Role.AUDITOR))
    assert "data-chain-intact" in client.get("/staff/audit/verify/").content.decode()
    middle = AuditEntry.objects.order_by("id")[1]
    with triggers_disabled():
        AuditEntry.objects.filter(pk=middle.pk).update(action="changed_later")
    page = client.get("/staff/audit/verify/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "data-chain-broken" in page and f"entry {middle.pk} was changed" in page
