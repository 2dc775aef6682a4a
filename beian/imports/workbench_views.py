"""The police workbench pages every import kind has — list, enforcement list, audited export, CSV
upload, import result and error report — written once, parameterised by the kind. Unregistered
websites (beian.unregistered) and legacy records (beian.legacy) each make one `ImportWorkbench` and add its
`urlpatterns` (behind the roles of the kind's selectors) to their own."""

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from beian.core.body_limits import body_limit
from beian.imports import export_views
from beian.imports.background_exports import Exporter
from beian.imports.csvfile import CsvFileError
from beian.imports.exports import error_rows
from beian.imports.forms import UploadForm
from beian.imports.models import ImportRun
from beian.imports.uploads import FORMATS, download, start_upload
from beian.staff.permissions import role_required

ERRORS_SHOWN = 100
PAGE_SIZE = 50


@dataclass(frozen=True)
class ImportWorkbench:
    kind: str  # ImportRun.Kind
    namespace: str  # the URL namespace of the kind's pages
    selectors: ModuleType  # for_staff(user, overdue=, status=, …the filter form's fields) and IMPORT_ROLES
    filter_form: type
    columns: list  # the column help of the upload page
    export_header: Callable  # () → the column names of the export
    export_row: Callable  # (item, today) → one row of the export
    export_related: tuple  # what a row reads besides the item (select_related)
    export_action: str  # the audit action of an export
    export_name: str  # file name of an export, before "-<run>.<format>"
    title: Callable  # () → the list's name
    errors_name: str  # file name of an error report, before "-<run>.csv"

    def filtered(self, user, data, *, overdue=False):
        """The filter form and the list it selects; every field of the kind's filter form is a
        keyword of its `for_staff` (q, agency, status, overdue, and e.g. unmatched)."""
        form = self.filter_form(data or None, agencies=self.selectors.agencies_for(user))
        filters = {}
        if form.is_valid():
            filters = dict(form.cleaned_data)
            overdue = filters.pop("overdue") or overdue
        return form, self.selectors.for_staff(user, overdue=overdue, **filters)

    def export_items(self, user, data):
        """The list an export writes: the page's, with its filters (`enforcement=1`: the enforcement list)."""
        _form, items = self.filtered(user, data, overdue=data.get("enforcement") == "1")
        return items.select_related(*self.export_related)

    def exporter(self) -> Exporter:
        return Exporter(kind=self.namespace, items=self.export_items, header=self.export_header,
                        row=self.export_row, audit_action=self.export_action, file_name=self.export_name,
                        title=self.title)

    def urlpatterns(self, *, prefix: str) -> list:
        """The URLs of these pages under `prefix`, with the same names in every kind's namespace:
        the lists and the export for the workbench roles, the import pages for the import roles."""
        staff = role_required(*self.selectors.WORKBENCH_ROLES)
        importer = role_required(*self.selectors.IMPORT_ROLES)
        return [
            path(prefix, staff(self.workbench), name="workbench"),
            path(f"{prefix}overdue/", staff(self.enforcement), name="enforcement"),
            path(f"{prefix}export.<str:file_format>", staff(require_POST(self.export)), name="export"),
            # The CSV file may be far larger than a page's body limit (ADR 0096).
            path(f"{prefix}upload/", body_limit("UNREGISTERED_UPLOAD_MAX_BYTES")(importer(self.upload)),
                 name="upload"),
            path(f"{prefix}imports/<int:run_id>/", importer(self.import_run), name="import_run"),
            path(f"{prefix}imports/<int:run_id>/errors.csv", importer(self.import_errors),
                 name="import_errors"),
        ]

    def workbench(self, request):
        return self.listing(request, overdue=False)

    def enforcement(self, request):
        """The enforcement list: open entries past their deadline (the websites may be shut down)."""
        return self.listing(request, overdue=True)

    def listing(self, request, *, overdue):
        form, items = self.filtered(request.user, request.GET, overdue=overdue)
        page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
        query = urlencode({k: v for k, v in request.GET.items() if k not in ("page", "enforcement")})
        return render(request, f"{self.namespace}/workbench.html", {
            "form": form, "page": page, "query": query, "enforcement": overdue,
            "enforcement_query": "&enforcement=1" if overdue else "", "today": timezone.localdate(),
            "may_import": request.user.role in self.selectors.IMPORT_ROLES, "namespace": self.namespace})

    def export(self, request, file_format: str):
        """The export button (POST, the list's filters in the query string): written in the
        background, followed and downloaded on "my exports"."""
        return export_views.start(request, self.namespace, file_format)

    def upload(self, request):
        form = UploadForm(request.POST or None, request.FILES or None)
        run = None
        if request.method == "POST" and form.is_valid():
            try:
                run = start_upload(actor=request.user, upload=form.cleaned_data["file"], kind=self.kind)
            except CsvFileError as refused:
                form.add_error("file", str(refused))
            else:
                if run.is_pending:
                    return redirect(f"{self.namespace}:import_run", run.pk)
        return render(request, f"{self.namespace}/upload.html", {
            "form": form, "run": run, "columns": self.columns, "namespace": self.namespace,
            "errors_url": f"{self.namespace}:import_errors",
            "errors_shown": run.errors[:ERRORS_SHOWN] if run else []}, status=422 if form.errors else 200)

    def own_run(self, request, run_id: int) -> ImportRun:
        run = ImportRun.objects.filter(pk=run_id, actor=request.user, kind=self.kind).first()
        if run is None:
            raise Http404
        return run

    def import_run(self, request, run_id: int):
        """The result of an import; while a large file is still being imported, its progress."""
        run = self.own_run(request, run_id)
        return render(request, "imports/import_run.html", {
            "run": run, "errors_shown": run.errors[:ERRORS_SHOWN],
            "errors_url": f"{self.namespace}:import_errors", "upload_url": f"{self.namespace}:upload"})

    def import_errors(self, request, run_id: int):
        run = self.own_run(request, run_id)
        content_type, render_file = FORMATS["csv"]
        return download(render_file(error_rows(run.errors)), content_type, f"{self.errors_name}-{run.pk}.csv")
