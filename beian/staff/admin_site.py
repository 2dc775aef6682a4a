"""The Django admin keeps the three administrative duties apart (SPEC §1, 三权分立; ADR 0030 addendum).

Each model in the admin belongs to one duty, and an account's role decides its duty — whatever Django
flags it has: `is_superuser` grants every model permission *within* the duty, never beyond it.

- platform data — the system administrator: reference data, the SMS outbox (codes masked), task results;
- accounts — the security administrator, and the operator (a superuser without a staff role, who
  creates the first security administrators): users, groups, authenticator devices (secrets hidden);
- audit — the auditor: the audit log (read only).

Deny by default: a model registered without a duty here is open to nobody (tests/staff/
test_admin_duties.py fails on such a registration). Every registration — third-party ones too — goes
through `DutyAdminSite.register`, which puts the duty check in front of the ModelAdmin's own.
"""

from django.contrib import admin

from beian.accounts.models import User

Role = User.Role
PLATFORM_DATA, ACCOUNTS, AUDIT = "platform data", "accounts", "audit"

MODEL_DUTIES = {
    "core.division": PLATFORM_DATA,
    "core.agency": PLATFORM_DATA,
    "core.provinceabbreviation": PLATFORM_DATA,
    "core.certificatetype": PLATFORM_DATA,
    "core.servicetype": PLATFORM_DATA,
    "core.interactiveservice": PLATFORM_DATA,
    "core.sponsortype": PLATFORM_DATA,
    "core.preapproval": PLATFORM_DATA,
    "core.calendaroverride": PLATFORM_DATA,
    "core.rulekeywordset": PLATFORM_DATA,
    "review.returnreason": PLATFORM_DATA,
    "filings.accessprovider": PLATFORM_DATA,
    "filings.securitynotice": PLATFORM_DATA,
    "notifications.outboxmessage": PLATFORM_DATA,
    "django_tasks_database.dbtaskresult": PLATFORM_DATA,
    "accounts.user": ACCOUNTS,
    "auth.group": ACCOUNTS,
    "otp_totp.totpdevice": ACCOUNTS,
    "core.auditentry": AUDIT,
}
# Read only for another duty: the user admin picks an officer's agency from this list.
ALSO_READABLE_BY = {"core.agency": {ACCOUNTS}}
ROLE_DUTIES = {
    Role.SYSTEM_ADMINISTRATOR: PLATFORM_DATA,
    Role.SECURITY_ADMINISTRATOR: ACCOUNTS,
    Role.AUDITOR: AUDIT,
}


def is_operator(user) -> bool:
    """The operator's own account: a superuser without a staff role (`createsuperuser`)."""
    return bool(user.is_superuser and user.role == Role.APPLICANT)


def admin_duty(user) -> str | None:
    """The one duty `user` has in the admin, or None (no admin at all)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return None
    if is_operator(user):
        return ACCOUNTS
    return ROLE_DUTIES.get(user.role)


def duty_allows(user, model, *, write: bool) -> bool:
    duty = admin_duty(user)
    if duty is None:
        return False
    label = model._meta.label_lower
    if MODEL_DUTIES.get(label) == duty:
        return True
    return not write and duty in ALSO_READABLE_BY.get(label, ())


class DutyLimits:
    """Put in front of every registered ModelAdmin: the duty first, then the admin's own rules."""

    def _allows(self, request, *, write: bool) -> bool:
        return duty_allows(request.user, self.model, write=write)

    def has_module_permission(self, request):
        return self._allows(request, write=False) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._allows(request, write=False) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args, **kwargs):
        return self._allows(request, write=True) and super().has_add_permission(request, *args, **kwargs)

    def has_change_permission(self, request, obj=None):
        return self._allows(request, write=True) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._allows(request, write=True) and super().has_delete_permission(request, obj)


class DutyAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return admin_duty(request.user) is not None

    def register(self, model_or_iterable, admin_class=None, **options):
        base = admin_class or admin.ModelAdmin
        limited = type(base.__name__, (DutyLimits, base), {"__module__": base.__module__,
                                                          "__doc__": base.__doc__})
        super().register(model_or_iterable, limited, **options)
