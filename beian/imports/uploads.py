"""CSV uploads in the workbench, for every kind of import (beian.unregistered and beian.legacy each
register their `Importer` here when they are ready). ADR 0061.

A file up to settings.IMPORT_BACKGROUND_BYTES is imported in the request and its result shown at
once. A larger one (100,000 rows take tens of seconds) is checked for its columns, stored, and
imported by a background task; the importer follows it on the run's result page. Either way the
run keeps the counts and the per-row errors for the downloadable report.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from beian.core.plugins import Registry
from beian.core.tabular import as_csv, as_xlsx
from beian.imports.csvfile import Columns, CsvFileError, count_rows, read_rows
from beian.imports.importing import BATCH_SIZE
from beian.imports.models import ImportRun
from beian.notifications.services import post_system_message

logger = logging.getLogger(__name__)
FORMATS = {
    "csv": ("text/csv; charset=utf-8", as_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", as_xlsx),
}


@dataclass(frozen=True)
class Importer:
    """One kind of import: its CSV columns, its import service (with the keyword arguments of e.g.
    beian.unregistered.services.import_rows) and who may import for which agencies."""

    kind: str
    columns: Columns
    import_rows: Callable
    allowed_agencies: Callable  # user → agencies


IMPORTERS: Registry[Importer] = Registry("importers")


def register(importer: Importer) -> None:
    IMPORTERS.register(importer.kind, importer)


def download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def start_upload(*, actor, upload, kind: str) -> ImportRun:
    """Import `upload` (an UploadedFile) now, or queue it when it is large. Raises CsvFileError when
    the file as a whole cannot be imported (nothing is imported then)."""
    importer = IMPORTERS[kind]
    headers = {}
    rows = read_rows(upload.file, importer.columns, headers=headers)
    first = next(rows, None)  # reads the header now: a file-level problem imports nothing
    name = (upload.name or "")[:100]
    if upload.size > settings.IMPORT_BACKGROUND_BYTES:
        return _queue(actor=actor, upload=upload, kind=kind, name=name)

    def all_rows():
        if first is not None:
            yield first
        yield from rows

    report = importer.import_rows(actor_label="workbench", rows=all_rows(),
                                  allowed_agencies=importer.allowed_agencies(actor), actor=actor,
                                  first_row=2, details={"file": name})
    return ImportRun.objects.create(
        kind=kind, actor=actor, imported=report.imported, updated=report.updated, notified=report.notified,
        errors=named_as_in_file(report.error_dicts(), headers), file_name=name, finished_at=timezone.now())


@transaction.atomic
def _queue(*, actor, upload, kind: str, name: str) -> ImportRun:
    # Imported here: the task module imports this one to run the queued import (a cycle at module level).
    from beian.imports.tasks import run_queued_import

    upload.file.seek(0)
    run = ImportRun(kind=kind, actor=actor, status=ImportRun.Status.QUEUED, file_name=name)
    run.file.save("upload.csv", upload.file, save=False)
    run.save()
    transaction.on_commit(lambda: run_queued_import.enqueue(run.pk), robust=True)
    return run


def run_queued(run_id: int) -> str:
    """Run a queued import once: a second call (or a second worker) finds it no longer queued."""
    if not ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).update(
            status=ImportRun.Status.RUNNING):
        return "not queued"
    run = ImportRun.objects.select_related("actor").get(pk=run_id)
    importer = IMPORTERS[run.kind]
    headers = {}
    try:
        with run.file.open("rb") as stored:
            run.rows_total = count_rows(stored.file)
            ImportRun.objects.filter(pk=run.pk).update(rows_total=run.rows_total)
            rows = _with_progress(run, read_rows(stored.file, importer.columns, headers=headers))
            report = importer.import_rows(
                actor_label="workbench", rows=rows,
                allowed_agencies=importer.allowed_agencies(run.actor), actor=run.actor, first_row=2,
                details={"file": run.file_name, "background": True})
    except CsvFileError as refused:
        _finish(run, status=ImportRun.Status.FAILED, failure=str(refused))
        return "failed"
    except Exception:
        logger.exception("Import run %s failed", run_id)
        _finish(run, status=ImportRun.Status.FAILED,
                failure=_("The import stopped because of an internal error. Rows of whole batches "
                          "written before it stay imported; import the file again to finish it."))
        raise
    run.imported, run.updated, run.notified = report.imported, report.updated, report.notified
    run.rows_done = run.rows_total or 0
    run.errors = named_as_in_file(report.error_dicts(), headers)
    _finish(run, status=ImportRun.Status.DONE)
    return "done"


def _with_progress(run: ImportRun, rows):
    """`rows`, recording on the run every BATCH_SIZE rows how many were handed to the import: the
    import reads a batch of rows, writes it and only then reads the next, so the count is the rows
    checked and written, give or take one batch."""
    for count, row in enumerate(rows):
        if count and count % BATCH_SIZE == 0:
            ImportRun.objects.filter(pk=run.pk).update(rows_done=count)
        yield row


def named_as_in_file(errors: list[dict], headers: dict) -> list[dict]:
    """The errors with each column named as the file's header named it (e.g. 域名, not domain)."""
    return [{**error, "field": headers.get(error["field"], error["field"])} for error in errors]


def _finish(run: ImportRun, *, status: str, failure: str = "") -> None:
    stored, run.file = run.file.name, ""
    run.status, run.failure, run.finished_at = status, failure, timezone.now()
    run.save()
    if stored:
        run._meta.get_field("file").storage.delete(stored)
    # Whoever queued a large file may have left its page: tell them it is done.
    if run.actor is not None:
        post_system_message(user=run.actor, template="import_finished",
                            context={"run": run, "failed": status == ImportRun.Status.FAILED})
