"""Exports of the workbench lists, written in the background (issue 17: lists at scale). Each list
registers an `Exporter` in beian.core.list_exports from its AppConfig.ready() (unregistered websites,
legacy records, failed badge checks, the review queue); its export button calls `start_export`, which
records an ExportRun and queues the task; the task writes every row — CSV without a cap, XLSX up to
the sheet's limit, which it states in the run's message — and tells the owner by a system message.
The owner downloads the file from "my exports" (beian.imports.export_views)."""

import csv
import io
import logging
import tempfile

from django.core.files import File
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from beian.core import audit, list_exports
from beian.core.tabular import safe_cell
from beian.imports.models import ExportRun
from beian.notifications.rendering import language_for
from beian.notifications.services import post_system_message

logger = logging.getLogger(__name__)
CHUNK_SIZE = 2000  # rows read from the database at a time
PROGRESS_EVERY = 5000  # rows written between two progress updates of the run
XLSX_MAX_DATA_ROWS = 1_048_575  # an XLSX sheet has 1,048,576 rows, the first is the header


# The registry lives in core so that a list below this app (the review queue) can register too.
EXPORTERS = list_exports.EXPORTERS
Exporter = list_exports.Exporter
register = list_exports.register


@transaction.atomic
def start_export(*, owner, kind: str, filters: str, file_format: str, client_address=None) -> ExportRun:
    """Record an export of the list `kind` as `owner` filtered it (`filters`, its query string) and
    queue its writing."""
    # Imported here: the task module imports this one to write the export (a cycle at module level).
    from beian.imports.tasks import write_export

    exporter = EXPORTERS[kind]
    run = ExportRun.objects.create(owner=owner, kind=kind, filters=filters[:2000], file_format=file_format)
    audit.record(actor=owner, action=exporter.audit_action, client_address=client_address,
                 details={"format": file_format, "filters": QueryDict(filters).dict(), "export": run.pk})
    transaction.on_commit(lambda: write_export.enqueue(run.pk), robust=True)
    return run


def write_queued(run_id: int) -> str:
    """Write a queued export once: a second call (or a second worker) finds it no longer queued."""
    if not ExportRun.objects.filter(pk=run_id, status=ExportRun.Status.QUEUED).update(
            status=ExportRun.Status.RUNNING):
        return "not queued"
    run = ExportRun.objects.select_related("owner").get(pk=run_id)
    exporter = EXPORTERS[run.kind]
    # The file is written in its owner's language (column names, yes / no, statuses).
    with translation.override(language_for(run.owner)):
        try:
            _write(run, exporter)
        except Exception:
            logger.exception("Export run %s failed", run_id)
            _finish(run, status=ExportRun.Status.FAILED,
                    message=_("The export stopped because of an internal error. Start it again."))
            raise
    return run.status


def _write(run: ExportRun, exporter: Exporter) -> None:
    items = exporter.items(run.owner, QueryDict(run.filters))
    run.rows_total = items.count()
    run.save(update_fields=["rows_total"])
    today = timezone.localdate()
    rows = (exporter.row(item, today) for item in items.iterator(chunk_size=CHUNK_SIZE))
    writer = write_xlsx if run.file_format == ExportRun.Format.XLSX else write_csv
    with tempfile.TemporaryFile() as target:
        written, complete = writer(target, exporter.header(), rows,
                                   progress=lambda count: _progress(run, count))
        target.seek(0)
        run.file.save(f"{exporter.file_name}.{run.file_format}", File(target), save=False)
    run.rows_written = written
    message = "" if complete else _(
        "An XLSX sheet holds at most %(limit)s rows: the file stops there, %(left)s rows of the list are "
        "not in it. Export the list as CSV to get every row.") % {
            "limit": f"{XLSX_MAX_DATA_ROWS:,}", "left": f"{max(0, (run.rows_total or 0) - written):,}"}
    _finish(run, status=ExportRun.Status.DONE, message=message)


def _progress(run: ExportRun, count: int) -> None:
    ExportRun.objects.filter(pk=run.pk).update(rows_written=count)


def write_csv(target, header, rows, *, progress=None) -> tuple[int, bool]:
    """Every row to `target` (a binary file), UTF-8 with a byte-order mark so that spreadsheet
    programs read the Chinese text; no cap. Returns (rows written, complete)."""
    text = io.TextIOWrapper(target, encoding="utf-8", newline="", write_through=True)
    text.write("\ufeff")
    writer = csv.writer(text)
    writer.writerow([safe_cell(cell) for cell in header])
    count = 0
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    text.flush()
    text.detach()  # leaves `target` open for the caller
    return count, True


def write_xlsx(target, header, rows, *, progress=None, limit=None) -> tuple[int, bool]:
    """Rows to `target` in openpyxl's write-only mode, up to the sheet's limit; complete is False
    when rows were left because of it."""
    limit = XLSX_MAX_DATA_ROWS if limit is None else limit
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("export")
    sheet.append([safe_cell(cell) for cell in header])
    count, complete = 0, True
    for row in rows:
        if count >= limit:
            complete = False
            break
        sheet.append([safe_cell(cell) for cell in row])
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    workbook.save(target)
    return count, complete


def _finish(run: ExportRun, *, status: str, message: str = "") -> None:
    run.status, run.message, run.finished_at = status, message, timezone.now()
    run.save()
    exporter = EXPORTERS.get(run.kind)
    post_system_message(user=run.owner, template="export_finished", context={
        "run": run, "title": exporter.title() if exporter else run.kind,
        "failed": status == ExportRun.Status.FAILED})
