"""Where every staff account lands after signing in: the work of its role (SPEC §5). The sections of
the workbench come from the apps that own them (beian.staff.home_sections, ADR 0111); the duties of
the administrative roles are links to their pages with what is waiting there."""

from django.shortcuts import render
from django.utils import timezone

from beian.accounts.models import User
from beian.staff.home_sections import sections_for
from beian.staff.permissions import (
    ACCOUNT_ADMINISTRATORS,
    PERSONAL_DATA_REGISTER_READERS,
    STAFF_ROLES,
    TOKEN_ADMINISTRATORS,
    role_required,
)
from beian.staff.selectors import accounts_without_authenticator, agency_directory, audit_export_state


@role_required(*STAFF_ROLES)
def home(request):
    user, today = request.user, timezone.localdate()
    return render(request, "staff/home.html", {
        "sections": sections_for(user, today),
        "manages_accounts": user.role in ACCOUNT_ADMINISTRATORS,
        "reads_audit_log": user.role == User.Role.AUDITOR,
        "reads_personal_data_register": user.role in PERSONAL_DATA_REGISTER_READERS,
        "keeps_agency_contacts": user.role == User.Role.SYSTEM_ADMINISTRATOR,
        "keeps_own_agency_contacts": user.role == User.Role.SUPERVISOR and user.agency_id is not None,
        "manages_tokens": user.role in TOKEN_ADMINISTRATORS,
        **_waiting(user),
    })


def _waiting(user) -> dict:
    """What is waiting behind each duty link, counted only for the roles that see that link."""
    waiting = {}
    if user.role in ACCOUNT_ADMINISTRATORS:
        waiting["accounts_without_authenticator"] = accounts_without_authenticator(user).count()
    if user.role == User.Role.SYSTEM_ADMINISTRATOR:
        waiting["agencies_without_telephone"] = agency_directory(user, without_telephone=True).count()
    if user.role == User.Role.AUDITOR:
        waiting["audit_export"] = audit_export_state()
    return waiting
