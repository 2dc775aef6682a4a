import datetime

import pytest
from django.utils import timezone

from beian.accounts.models import User
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.models import AuditEntry
from tests.core.audit_tampering import triggers_disabled
from tests.factories import sign_in_verified

pytestmark = pytest.mark.django_db
Role = User.Role


def test_the_auditor_reads_and_filters_the_log(client, staff, signed_in):
    reviewer = staff(Role.REVIEWER, "330106")
    audit.record(actor=reviewer, action=AuditAction.TOTP_VERIFIED)
    audit.record(actor=reviewer, action=AuditAction.REVIEW_APPROVED, details={"record": "33010602000001"})
    auditor = staff(Role.AUDITOR)
    signed_in(auditor)
    approved, verified = 'data-action="review_approved"', 'data-action="totp_verified"'
    page = client.get("/staff/audit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert approved in page and verified in page and "record: 33010602000001" in page
    page = client.get("/staff/audit/", {"action": "review_approved"}).content.decode()
    assert approved in page and verified not in page
    page = client.get("/staff/audit/", {"actor": "nobody"}).content.decode()
    assert approved not in page
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page = client.get("/staff/audit/", {"since": tomorrow.isoformat()}).content.decode()
    assert approved not in page
    page = client.get("/staff/audit/", {"until": timezone.localdate().isoformat()}).content.decode()
    assert approved in page


def test_the_auditor_reads_labels_in_chinese_with_the_code_at_hand(client, staff, signed_in):
    audit.record(actor=staff(Role.REVIEWER, "330106"), action=AuditAction.SIGN_IN)
    signed_in(staff(Role.AUDITOR))
    page = client.get("/staff/audit/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<span class="audit-action" title="sign_in" data-action="sign_in">登录</span>' in page
    assert '<option value="sign_in">登录</option>' in page  # the filter offers labels too
    assert ">sign_in<" not in page  # the code is never the text shown


def test_an_action_no_member_declares_shows_as_its_code(client, staff, signed_in):
    entry = audit.record(actor=staff(Role.REVIEWER, "330106"), action=AuditAction.SIGN_IN)
    with triggers_disabled():  # as an entry written before its action was declared would be
        AuditEntry.objects.filter(pk=entry.pk).update(action="retired_action")
    signed_in(staff(Role.AUDITOR))
    page = client.get("/staff/audit/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert 'data-action="retired_action">retired_action</span>' in page


def test_the_admin_lists_entries_by_label(client, staff):
    audit.record(actor=staff(Role.REVIEWER, "330106"), action=AuditAction.PASSWORD_CHANGED)
    sign_in_verified(client, staff(Role.AUDITOR, is_staff=True, is_superuser=True))
    page = client.get("/admin/core/auditentry/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<span title="password_changed">密码已修改</span>' in page
    assert "?action=password_changed" in page and "密码已修改</a>" in page  # the filter, by label


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
        audit.record(actor=reviewer, action=AuditAction.TOTP_VERIFIED)
    signed_in(staff(Role.AUDITOR))
    assert "data-chain-intact" in client.get("/staff/audit/verify/").content.decode()
    middle = AuditEntry.objects.order_by("id")[1]
    with triggers_disabled():
        AuditEntry.objects.filter(pk=middle.pk).update(action="changed_later")
    page = client.get("/staff/audit/verify/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "data-chain-broken" in page and f"entry {middle.pk} was changed" in page
