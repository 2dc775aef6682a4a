"""The workbench pages of legacy records (police): list, enforcement list of unclaimed records past
their deadline ("may be shut down"), detail, CSV upload with its error report, audited export."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beian.core.audit_actions import AuditAction
from beian.imports.models import ImportRun
from beian.imports.workbench_views import ImportWorkbench
from beian.legacy import selectors
from beian.legacy.csvfile import COLUMN_HELP
from beian.legacy.exports import record_header, record_row
from beian.legacy.forms import ListFilterForm
from beian.staff.permissions import role_required

pages = ImportWorkbench(
    kind=ImportRun.Kind.LEGACY, namespace="legacy", selectors=selectors, filter_form=ListFilterForm,
    columns=COLUMN_HELP, export_header=record_header, export_row=record_row,
    export_related=("agency", "website"), export_action=AuditAction.LEGACY_EXPORTED,
    export_name="legacy-records", title=lambda: str(_("Legacy records")),
    errors_name="legacy-import-errors")


@role_required(*selectors.WORKBENCH_ROLES)
def detail_view(request, record_id: int):
    record = selectors.get_for_staff(request.user, record_id)
    # A claim found by search may come from a sponsor whose certificate is not the one filed offline.
    differs = bool(record.application_id) and not record.carries_certificate_of(record.application.sponsor)
    return render(request, "legacy/detail.html", {"record": record, "today": timezone.localdate(),
                                                  "certificate_differs": differs})
