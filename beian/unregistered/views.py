"""Pages of unregistered websites: the applicant's list, and the workbench (list, enforcement list of
overdue websites, detail, CSV upload with its error report, audited export)."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from beian.accounts.models import User
from beian.core import audit
from beian.core.http import client_address
from beian.review.exports import as_csv, as_xlsx
from beian.staff.permissions import role_required
from beian.unregistered import selectors, services
from beian.unregistered.csvfile import COLUMN_HELP, CsvFileError, read_rows
from beian.unregistered.exports import error_rows, website_rows
from beian.unregistered.forms import ListFilterForm, UploadForm
from beian.unregistered.models import ImportRun

FORMATS = {
    "csv": ("text/csv; charset=utf-8", as_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", as_xlsx),
}
ERRORS_SHOWN = 100
PAGE_SIZE = 50


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(User.Role.APPLICANT)
def mine_view(request):
    return render(request, "unregistered/mine.html", {"sites": selectors.for_applicant(request.user),
                                                      "today": timezone.localdate()})


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
    """The enforcement list: open websites past their deadline."""
    return _list(request, overdue=True)


def _list(request, *, overdue):
    form, sites = _filtered(request, overdue=overdue)
    page = Paginator(sites, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode({k: v for k, v in request.GET.items() if k != "page"})
    return render(request, "unregistered/workbench.html", {
        "form": form, "page": page, "query": query, "enforcement": overdue, "today": timezone.localdate(),
        "may_import": request.user.role in selectors.IMPORT_ROLES})


@role_required(*selectors.WORKBENCH_ROLES)
def detail_view(request, site_id: int):
    site = selectors.get_for_staff(request.user, site_id)
    return render(request, "unregistered/detail.html", {"site": site, "today": timezone.localdate()})


@role_required(*selectors.WORKBENCH_ROLES)
def export_view(request, file_format: str):
    if file_format not in FORMATS:
        raise Http404
    content_type, render_file = FORMATS[file_format]
    overdue = request.GET.get("enforcement") == "1"
    _form, sites = _filtered(request, overdue=overdue)
    body = render_file(website_rows(sites.select_related("agency")))
    audit.record(actor=request.user, action="unregistered_exported", client_address=client_address(request),
                 details={"format": file_format, "filters": request.GET.dict()})
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return _download(body, content_type, f"unregistered-websites-{stamp}.{file_format}")


@role_required(*selectors.IMPORT_ROLES)
def upload_view(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    run = None
    if request.method == "POST" and form.is_valid():
        try:
            run = _import_upload(request, form.cleaned_data["file"])
        except CsvFileError as refused:
            form.add_error("file", str(refused))
    return render(request, "unregistered/upload.html", {
        "form": form, "run": run, "columns": COLUMN_HELP,
        "errors_shown": run.errors[:ERRORS_SHOWN] if run else []}, status=422 if form.errors else 200)


def _import_upload(request, upload) -> ImportRun:
    rows = read_rows(upload.file)
    first = next(rows, None)  # read the header now: a file-level problem imports nothing

    def all_rows():
        if first is not None:
            yield first
        yield from rows

    report = services.import_rows(
        actor_label="workbench", rows=all_rows(), allowed_agencies=selectors.agencies_for(request.user),
        actor=request.user, first_row=2, details={"file": upload.name[:100]})
    return ImportRun.objects.create(
        actor=request.user, imported=report.imported, updated=report.updated,
        errors=[{"row": e.row, "field": e.field, "reason": e.reason} for e in report.errors])


@role_required(*selectors.IMPORT_ROLES)
def import_errors_view(request, run_id: int):
    run = ImportRun.objects.filter(pk=run_id, actor=request.user).first()
    if run is None:
        raise Http404
    return _download(as_csv(error_rows(run.errors)), FORMATS["csv"][0], f"import-errors-{run.pk}.csv")
