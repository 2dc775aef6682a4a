"""The management command of every CSV import kind (import_unregistered, import_legacy): a subclass
names its help text, its import service and its columns."""

from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandError

from beian.core.models import Agency
from beian.core.tabular import as_csv
from beian.imports.csvfile import Columns, CsvFileError, read_rows
from beian.imports.exports import error_rows
from beian.imports.importing import agency_and_below


class ImportCommand(BaseCommand):
    columns: Columns
    import_rows: Callable  # the keyword arguments of e.g. beian.unregistered.services.import_rows

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--agency", help="only rows for this agency code and those below it")
        parser.add_argument("--errors", help="write the error report (CSV) to this file")

    def handle(self, *args, path, agency, errors, **options):
        allowed = Agency.objects.all()
        if agency:
            root = Agency.objects.filter(code=agency).first()
            if root is None:
                raise CommandError(f"No agency has the code {agency}.")
            allowed = agency_and_below(root)
        try:
            with open(path, "rb") as binary:
                report = self.import_rows(
                    actor_label="command", rows=read_rows(binary, self.columns), allowed_agencies=allowed,
                    first_row=2, details={"file": path[-100:]})
        except (OSError, CsvFileError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"imported {report.imported}, updated {report.updated}, "
                          f"rejected rows {len(report.errors)}, notified {report.notified}")
        if errors and report.errors:
            with open(errors, "wb") as out:
                out.write(as_csv(error_rows(report.error_dicts())))
