from django.shortcuts import render

from beian.accounts.models import User
from beian.staff.permissions import (
    ACCOUNT_ADMINISTRATORS,
    PERSONAL_DATA_REGISTER_READERS,
    STAFF_ROLES,
    TOKEN_ADMINISTRATORS,
    role_required,
)


@role_required(*STAFF_ROLES)
def home(request):
    user = request.user
    return render(request, "staff/home.html", {
        "manages_accounts": user.role in ACCOUNT_ADMINISTRATORS,
        "reads_audit_log": user.role == User.Role.AUDITOR,
        "reads_personal_data_register": user.role in PERSONAL_DATA_REGISTER_READERS,
        "keeps_agency_contacts": user.role == User.Role.SYSTEM_ADMINISTRATOR,
        "keeps_own_agency_contacts": user.role == User.Role.SUPERVISOR and user.agency_id is not None,
        "manages_tokens": user.role in TOKEN_ADMINISTRATORS,
    })
