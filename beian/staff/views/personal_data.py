"""The register of processing (PIPL art. 51, 54), generated from the models' declarations: for the
system administrator who runs the platform, the security administrator who grants the access it
describes, and the auditor who checks both (SPEC §1)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from beian.core.personal_data_register import exempt_rows, rows
from beian.staff.permissions import PERSONAL_DATA_REGISTER_READERS, role_required


@role_required(*PERSONAL_DATA_REGISTER_READERS)
@require_GET
def personal_data_register(request):
    register_rows = rows()
    return render(request, "staff/personal_data_register.html", {
        "rows": register_rows, "sensitive_count": sum(row.sensitive for row in register_rows),
        "exempt_rows": exempt_rows()})
