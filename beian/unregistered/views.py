"""Pages of unregistered websites: the applicant's list with "File it", and the workbench (list,
enforcement list of overdue websites, detail, CSV upload with its error report, audited export)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.core import audit
from beian.core.http import client_address
from beian.filings import services as filing_services
from beian.filings.models import WebsiteApplication
from beian.rules import check_ip
from beian.staff.permissions import role_required
from beian.unregistered import selectors
from beian.unregistered.csvfile import COLUMN_HELP, CsvFileError
from beian.unregistered.exports import error_rows, website_rows
from beian.unregistered.forms import ListFilterForm, UploadForm
from beian.unregistered.models import ImportRun
from beian.unregistered.uploads import FORMATS, start_upload
from beian.unregistered.uploads import download as _download

ERRORS_SHOWN = 100
PAGE_SIZE = 50


@role_required(User.Role.APPLICANT)
def mine_view(request):
    return render(request, "unregistered/mine.html", {"sites": selectors.for_applicant(request.user),
                                                      "today": timezone.localdate()})


@role_required(User.Role.APPLICANT)
@require_POST
def file_it_view(request, site_id: int):
    """"File it": a new-website draft prefilled with what the police found (SPEC §4.7). The entry
    closes itself when the website is filed (beian.unregistered.receivers)."""
    site = selectors.for_applicant(request.user).filter(pk=site_id).first()
    if site is None:
        raise Http404
    prefill = {"main_domain": site.unicode_domain}
    if not check_ip(site.ip, path="ip"):
        prefill["ips"] = [site.ip]
    try:
        application = filing_services.start_application(actor=request.user, kind=WebsiteApplication.Kind.NEW,
                                                         prefill=prefill)
    except filing_services.FilingActionRefused as refused:
        messages.error(request, str(refused))
        return redirect("unregistered:mine")
    return redirect("filings:step", application.pk, "basic")


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
            run = start_upload(actor=request.user, upload=form.cleaned_data["file"],
                               kind=ImportRun.Kind.UNREGISTERED)
        except CsvFileError as refused:
            form.add_error("file", str(refused))
        else:
            if run.is_pending:
                return redirect("unregistered:import_run", run.pk)
    return render(request, "unregistered/upload.html", {
        "form": form, "run": run, "columns": COLUMN_HELP, "errors_url": "unregistered:import_errors",
        "errors_shown": run.errors[:ERRORS_SHOWN] if run else []}, status=422 if form.errors else 200)


def _own_run(request, run_id: int) -> ImportRun:
    run = ImportRun.objects.filter(pk=run_id, actor=request.user, kind=ImportRun.Kind.UNREGISTERED).first()
    if run is None:
        raise Http404
    return run


@role_required(*selectors.IMPORT_ROLES)
def import_run_view(request, run_id: int):
    """The result of an import; while a large file is still being imported, its progress."""
    run = _own_run(request, run_id)
    return render(request, "unregistered/import_run.html", {
        "run": run, "errors_shown": run.errors[:ERRORS_SHOWN],
        "errors_url": "unregistered:import_errors", "upload_url": "unregistered:upload"})


@role_required(*selectors.IMPORT_ROLES)
def import_errors_view(request, run_id: int):
    run = _own_run(request, run_id)
    body = FORMATS["csv"][1](error_rows(run.errors))
    return _download(body, FORMATS["csv"][0], f"import-errors-{run.pk}.csv")
