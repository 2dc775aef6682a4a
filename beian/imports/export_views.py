"""The workbench's "my exports" (past exports with their progress, the owner's downloads, audited)
and "my imports" (past imports with their counts and error reports). An export is started by the
export button of a list (`start_view`), which returns here."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.http import client_address
from beian.imports.background_exports import EXPORTERS, start_export
from beian.imports.models import ExportRun, ImportRun
from beian.imports.selectors import IMPORT_ROLES, WORKBENCH_ROLES
from beian.staff.permissions import role_required

PAGE_SIZE = 50
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def start(request, kind: str, file_format: str):
    """What the export button of a list does (its view requires POST and the list's roles; the
    list's filters are in the query string): an export run, written in the background; the user
    follows it on "my exports"."""
    if file_format not in CONTENT_TYPES or kind not in EXPORTERS:
        raise Http404
    start_export(owner=request.user, kind=kind, filters=request.GET.urlencode(), file_format=file_format,
                 client_address=client_address(request))
    messages.success(request, _("The export has started. It is listed here; download it when it is "
                                "finished."))
    return redirect("exports:list")


@role_required(*WORKBENCH_ROLES)
def exports_view(request):
    runs = ExportRun.objects.filter(owner=request.user)
    page = Paginator(runs, PAGE_SIZE).get_page(request.GET.get("page"))
    titles = {exporter.kind: exporter.title() for exporter in EXPORTERS}
    for run in page.object_list:
        run.title = titles.get(run.kind, run.kind)
    return render(request, "imports/exports.html", {
        "page": page, "query": "",
        "pending": any(run.is_pending for run in page.object_list)})


@role_required(*WORKBENCH_ROLES)
def download_view(request, run_id: int):
    """Only the owner downloads an export (the same 404 for anyone else's), and every download is audited."""
    run = ExportRun.objects.filter(pk=run_id, owner=request.user, status=ExportRun.Status.DONE).first()
    if run is None or not run.file:
        raise Http404
    audit.record(actor=request.user, action=AuditAction.EXPORT_DOWNLOADED,
                 client_address=client_address(request),
                 details={"export": run.pk, "kind": run.kind, "rows": run.rows_written})
    exporter = EXPORTERS.get(run.kind)
    name = f"{exporter.file_name if exporter else run.kind}-{run.pk}.{run.file_format}"
    response = FileResponse(run.file.open("rb"), as_attachment=True, filename=name,
                            content_type=CONTENT_TYPES[run.file_format])
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(*IMPORT_ROLES)
def imports_view(request):
    """The user's past imports, newest first: status, counts and the error report of each."""
    runs = ImportRun.objects.filter(actor=request.user).order_by("-created_at", "-id")
    page = Paginator(runs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "imports/imports.html", {
        "page": page, "query": "", "pending": any(run.is_pending for run in page.object_list)})

