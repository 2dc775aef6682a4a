"""Who may do what among staff accounts (docs/adr/0030-staff-roles-and-account-administration.md).

Views guard themselves with @role_required(...): a signed-in user of another role gets 403 (the page
exists, they may not use it); objects outside the user's scope are looked up through selectors and
answer 404 (the user may not know they exist).
"""

from functools import wraps

from django.core.exceptions import PermissionDenied

from beian.accounts.jurisdiction import can_manage_accounts_of
from beian.accounts.models import User

Role = User.Role
STAFF_ROLES = tuple(User.STAFF_ROLES)
ACCOUNT_ADMINISTRATORS = (Role.SECURITY_ADMINISTRATOR, Role.SUPERVISOR)
# An agency's contact details (SPEC §3): its own supervisors, and the system administrator for every
# agency (platform data is their duty). Reviewers only read them.
AGENCY_CONTACT_EDITORS = (Role.SUPERVISOR, Role.SYSTEM_ADMINISTRATOR)
# Bearer tokens of integrations are credentials: the security administrator's duty (ADR 0098).
TOKEN_ADMINISTRATORS = (Role.SECURITY_ADMINISTRATOR,)
# The register of personal data: the administrators and the auditor (SPEC §1 duties); it names
# fields and rules, never anyone's data.
PERSONAL_DATA_REGISTER_READERS = (Role.SYSTEM_ADMINISTRATOR, Role.SECURITY_ADMINISTRATOR, Role.AUDITOR)

# Roles each administrator may give to a new account. Nobody creates applicants here (they register),
# and nobody creates a peer of their own duty: a security administrator cannot multiply the
# account-management duty, so security administrator accounts are created by the operator (a
# superuser in the Django admin). Supervisors are appointed by the security administrator.
ROLES_CREATABLE_BY = {
    Role.SECURITY_ADMINISTRATOR: (Role.REVIEWER, Role.SUPERVISOR, Role.SYSTEM_ADMINISTRATOR, Role.AUDITOR),
    Role.SUPERVISOR: (Role.REVIEWER,),
}


def requires_second_factor(user) -> bool:
    """Staff roles, and anyone who can open the Django admin, sign in with TOTP every time."""
    return bool(user.is_authenticated and (user.needs_second_factor or user.is_staff or user.is_superuser))


def creatable_roles(actor) -> tuple[str, ...]:
    return ROLES_CREATABLE_BY.get(actor.role, ())


def can_manage_account(actor, account) -> bool:
    """May `actor` deactivate or reactivate `account`? Never their own (no self-service around the
    rules), only roles they could have created, and only within their agencies."""
    if account.pk == actor.pk or account.is_superuser:
        return False
    if account.role not in creatable_roles(actor):
        return False
    return can_manage_accounts_of(actor, account.agency)


def can_edit_agency_contacts(actor, agency) -> bool:
    """A supervisor edits the contact details of their own agency only (the agencies below have
    supervisors of their own); the system administrator those of every agency."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active or agency is None:
        return False
    if actor.role == Role.SYSTEM_ADMINISTRATOR:
        return True
    return actor.role == Role.SUPERVISOR and actor.agency_id is not None and actor.agency_id == agency.pk


def role_required(*roles):
    """Let through signed-in users of the given roles who passed the second factor; 403 otherwise.

    Anonymous visitors never get here: LoginRequiredMiddleware sends them to sign in first.
    """
    allowed = {str(role) for role in roles}

    def decorator(view_func):
        @wraps(view_func)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated or user.role not in allowed:
                raise PermissionDenied
            # Defence in depth: SecondFactorMiddleware already sends unverified staff to the OTP pages.
            if requires_second_factor(user) and not user.is_verified():
                raise PermissionDenied
            return view_func(request, *args, **kwargs)

        return wrapped

    return decorator
