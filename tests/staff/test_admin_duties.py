"""Issue 14 item 10: the Django admin keeps the three duties apart (SPEC §1, ADR 0030).

Every registered ModelAdmin's changelist, add and change page is opened by every role, each account
with the most Django rights there are (staff and superuser), so only the role can decide: the system
administrator keeps the platform data, the security administrator (and the operator) the accounts,
the auditor the audit log. Secrets (authenticator keys, live SMS codes, e-mail links in task
arguments) are shown to nobody."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.models import CalendarOverride, RuleKeywordSet
from beian.filings.models import AccessProvider, SecurityNotice
from beian.notifications.services import send_sms
from beian.review.models import ReturnReason
from tests.factories import make_reviewer, make_staff, sign_in_verified

pytestmark = pytest.mark.django_db

PLATFORM = {
    "core.division", "core.agency", "core.provinceabbreviation", "core.certificatetype",
    "core.servicetype", "core.interactiveservice", "core.sponsortype", "core.preapproval",
    "core.calendaroverride", "core.rulekeywordset", "review.returnreason", "filings.accessprovider",
    "filings.securitynotice", "notifications.outboxmessage", "django_tasks_database.dbtaskresult",
}
ACCOUNTS = {"accounts.user", "auth.group", "otp_totp.totpdevice"}
# Logs and versioned lists: nobody adds to the first three; nobody edits a published version.
NEVER_ADDED = {"notifications.outboxmessage", "django_tasks_database.dbtaskresult", "core.auditentry"}
NEVER_CHANGED = NEVER_ADDED | {"core.rulekeywordset", "filings.securitynotice"}

# What each role may open (changelist and change page), add, and change (an account of a reviewer).
SEES = {
    "system_administrator": PLATFORM,
    "security_administrator": ACCOUNTS | {"core.agency"},  # agencies: to pick an officer's agency
    "operator": ACCOUNTS | {"core.agency"},
    "auditor": {"core.auditentry"},
    "reviewer": set(),
    "supervisor": set(),
}
CHANGES = {
    "system_administrator": PLATFORM - NEVER_CHANGED,
    "security_administrator": ACCOUNTS,
    "operator": ACCOUNTS,
    "auditor": set(),
    "reviewer": set(),
    "supervisor": set(),
}
# A new version of a versioned list is added by whoever may see it.
ADDS = {role: CHANGES[role] | (SEES[role] & (NEVER_CHANGED - NEVER_ADDED)) for role in SEES}
AGENCIES = {"reviewer": "330106", "supervisor": "330100"}

SMS_CODE = "246810"
TASK_SECRET = "https://beian.example/confirm/very-secret-token"


def test_every_registered_model_has_a_duty():
    from beian.staff.admin_site import MODEL_DUTIES

    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == set(MODEL_DUTIES), "give each admin registration a duty in beian/staff/admin_site.py"
    assert registered == PLATFORM | ACCOUNTS | {"core.auditentry"}


@pytest.fixture
def one_of_each(reference_data):
    """One row of every model in the admin (reference data has most; the rest are made here)."""
    target = make_reviewer("330106")
    audit.record(actor=target, action=AuditAction.SIGN_IN)
    send_sms(to="13800138000", template="verification_code", user=target,
             context={"code": SMS_CODE, "purpose": "registration", "minutes": 10})
    Group.objects.create(name="helpdesk")
    CalendarOverride.objects.get_or_create(date="2026-10-08", defaults={"is_working_day": False})
    RuleKeywordSet.objects.create(lists={}, note="first")
    # Seeded by migrations, so gone after a transactional test's flush: made again if so.
    AccessProvider.objects.get_or_create(name="测试接入商")
    ReturnReason.objects.get_or_create(code="admin-walk", defaults={"text_zh": "材料不清晰",
                                                                    "text_en": "Unclear documents"})
    if not SecurityNotice.objects.exists():
        SecurityNotice.objects.create(version="2026.1", text_zh="须知", text_en="Notice")
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        from beian.notifications.tasks import send_email_message

        send_email_message.enqueue("someone@example.cn", "Confirm", f"Open {TASK_SECRET}")
    rows = {}
    for model in admin.site._registry:
        row = model.objects.filter(pk=target.pk).first() if model._meta.label_lower == "accounts.user" \
            else model.objects.order_by("pk").first()
        assert row is not None, f"make one {model._meta.label_lower} in this fixture"
        rows[model] = row
    return rows


def _admin_account(role):
    if role == "operator":
        user = make_staff("applicant", is_staff=True, is_superuser=True)
        TOTPDevice.objects.create(user=user, name="operator", confirmed=True)
        return user
    return make_staff(role, AGENCIES.get(role), is_staff=True, is_superuser=True)


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("role", sorted(SEES))
def test_each_role_sees_and_does_only_its_duty_in_the_admin(client, one_of_each, role):
    sign_in_verified(client, _admin_account(role))
    index = client.get("/admin/")
    if not SEES[role]:
        assert index.status_code == 302 and index["Location"].startswith("/admin/login/")
    else:
        assert index.status_code == 200
    for model, row in one_of_each.items():
        label = model._meta.label_lower
        sees, adds, changes = label in SEES[role], label in ADDS[role], label in CHANGES[role]
        where = f"{role} on {label}"
        for url, allowed in ((_url(model, "changelist"), sees), (_url(model, "add"), adds),
                             (_url(model, "change", row.pk), sees)):
            status = client.get(url).status_code
            if allowed:
                assert status == 200, f"{where}: {url} answered {status}"
            else:
                assert status in (302, 403), f"{where}: {url} answered {status}, should be refused"
        if sees:
            page = client.get(_url(model, "change", row.pk)).content.decode()
            assert ('name="_save"' in page) == changes, f"{where}: may change is {changes}"
        listed = f'href="{_url(model, "changelist")}"' in index.content.decode()
        assert listed == sees, f"{where}: listed on the admin index is {listed}"


def test_secrets_are_shown_to_nobody_in_the_admin(client, one_of_each):
    outbox = next(row for model, row in one_of_each.items()
                  if model._meta.label_lower == "notifications.outboxmessage")
    task = next(row for model, row in one_of_each.items()
                if model._meta.label_lower == "django_tasks_database.dbtaskresult")
    assert SMS_CODE in outbox.text
    sign_in_verified(client, _admin_account("system_administrator"))
    page = client.get(_url(type(outbox), "change", outbox.pk)).content.decode()
    assert SMS_CODE not in page and "*" * len(SMS_CODE) in page
    page = client.get(_url(type(task), "change", task.pk)).content.decode()
    assert TASK_SECRET not in page and "send_email_message" in page

    client.logout()
    sign_in_verified(client, _admin_account("security_administrator"))
    device = TOTPDevice.objects.exclude(name="operator").order_by("pk").first()
    page = client.get(_url(TOTPDevice, "change", device.pk)).content.decode()
    assert device.key not in page and "qrcode" not in page
    assert client.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk])).status_code == 403
    assert client.get(reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk])).status_code == 403


def test_the_security_administrator_keeps_to_the_account_rules_in_the_admin(client, reference_data):
    security = _admin_account("security_administrator")
    peer = make_staff("security_administrator")
    reviewer = make_reviewer("330106")
    sign_in_verified(client, security)
    # Own account and a peer's: read only (no self-elevation, no peer of the duty).
    for account in (security, peer):
        page = client.get(_url(type(account), "change", account.pk)).content.decode()
        assert 'name="_save"' not in page
    page = client.get(_url(type(reviewer), "change", reviewer.pk)).content.decode()
    assert 'name="_save"' in page and 'value="auditor"' in page
    assert 'value="security_administrator"' not in page
    assert 'name="is_superuser"' not in page and 'name="user_permissions"' not in page
    # The operator gives Django's own rights and appoints security administrators.
    client.logout()
    sign_in_verified(client, _admin_account("operator"))
    page = client.get(_url(type(reviewer), "change", reviewer.pk)).content.decode()
    assert 'value="security_administrator"' in page and 'name="is_superuser"' in page


def test_staff_flag_alone_opens_nothing_beyond_the_django_permissions(client, reference_data):
    """Without superuser, the Django permissions an account was given still apply, within its duty."""
    sign_in_verified(client, make_staff("system_administrator", is_staff=True))
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/core/agency/").status_code == 403
    sign_in_verified(client, make_staff("system_administrator"))
    assert client.get("/admin/").status_code == 302
