"""The workbench pages of legacy records (police): list, enforcement list of unclaimed records past
their deadline ("may be shut down"), detail, CSV upload with its error report, audited export."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from beian.core import audit
from beian.core.http import client_address
from beian.legacy import selectors
from beian.legacy.csvfile import COLUMN_HELP
from beian.legacy.exports import record_rows
from beian.legacy.forms import ListFilterForm
from beian.staff.permissions import role_required
from beian.unregistered.csvfile import CsvFileError
from beian.unregistered.exports import error_rows
from beian.unregistered.forms import UploadForm
from beian.unregistered.models import ImportRun
from beian.unregistered.uploads import FORMATS, download, start_upload

ERRORS_SHOWN = 100
PAGE_SIZE = 50


def _filtered(request, *, overdue=False):
    form = ListFilterForm(request.GET or None)
    status = ""
    if form.is_valid():
        overdue = overdue or form.cleaned_data["overdue"]
        status = form.cleaned_data["status"]
    return form, selectors.for_staff(request.user, overdue=overdue, status=status)


@role_required(*selectors.WORKBENCH_ROLES)
def workbench_view(request):
    return _list(request, overdue=False)


@role_required(*selectors.WORKBENCH_ROLES)
def enforcement_view(request):
    """Unclaimed legacy records past their deadline: the websites may be shut down (SPEC §4.8)."""
    return _list(request, overdue=True)


def _list(request, *, overdue):
    form, records = _filtered(request, overdue=overdue)
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode({k: v for k, v in request.GET.items() if k != "page"})
    return render(request, "legacy/workbench.html", {
        "form": form, "page": page, "query": query, "enforcement": overdue, "today": timezone.localdate(),
        "may_import": request.user.role in selectors.IMPORT_ROLES})


@role_required(*selectors.WORKBENCH_ROLES)
def detail_view(request, record_id: int):
    record = selectors.get_for_staff(request.user, record_id)
    # A claim found by search may come from a sponsor whose certificate is not the one filed offline.
    differs = bool(record.application_id) and (
        record.application.sponsor.certificate_hash != record.certificate_hash
        or record.application.sponsor.certificate_type_id != record.certificate_type_id)
    return render(request, "legacy/detail.html", {"record": record, "today": timezone.localdate(),
                                                  "certificate_differs": differs})


@role_required(*selectors.WORKBENCH_ROLES)
def export_view(request, file_format: str):
    if file_format not in FORMATS:
        raise Http404
    content_type, render_file = FORMATS[file_format]
    overdue = request.GET.get("enforcement") == "1"
    _form, records = _filtered(request, overdue=overdue)
    body = render_file(record_rows(records.select_related("agency", "website")))
    audit.record(actor=request.user, action="legacy_exported", client_address=client_address(request),
                 details={"format": file_format, "filters": request.GET.dict()})
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return download(body, content_type, f"legacy-records-{stamp}.{file_format}")


@role_required(*selectors.IMPORT_ROLES)
def upload_view(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    run = None
    if request.method == "POST" and form.is_valid():
        try:
            run = start_upload(actor=request.user, upload=form.cleaned_data["file"],
                               kind=ImportRun.Kind.LEGACY)
        except CsvFileError as refused:
            form.add_error("file", str(refused))
        else:
            if run.is_pending:
                return redirect("legacy:import_run", run.pk)
    return render(request, "legacy/upload.html", {
        "form": form, "run": run, "columns": COLUMN_HELP, "errors_url": "legacy:import_errors",
        "errors_shown": run.errors[:ERRORS_SHOWN] if run else []}, status=422 if form.errors else 200)


def _own_run(request, run_id: int) -> ImportRun:
    run = ImportRun.objects.filter(pk=run_id, actor=request.user, kind=ImportRun.Kind.LEGACY).first()
    if run is None:
        raise Http404
    return run


@role_required(*selectors.IMPORT_ROLES)
def import_run_view(request, run_id: int):
    run = _own_run(request, run_id)
    return render(request, "unregistered/import_run.html", {
        "run": run, "errors_shown": run.errors[:ERRORS_SHOWN], "errors_url": "legacy:import_errors",
        "upload_url": "legacy:upload"})


@role_required(*selectors.IMPORT_ROLES)
def import_errors_view(request, run_id: int):
    run = _own_run(request, run_id)
    content_type, render_file = FORMATS["csv"]
    return download(render_file(error_rows(run.errors)), content_type, f"legacy-import-errors-{run.pk}.csv")
