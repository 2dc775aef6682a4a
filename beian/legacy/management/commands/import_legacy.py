from beian.imports.management.import_command import ImportCommand
from beian.legacy.csvfile import LEGACY_COLUMNS
from beian.legacy.services import import_rows


class Command(ImportCommand):
    help = ("Import legacy (offline) records from a CSV file (UTF-8 or GBK; columns as on the workbench "
            "upload page). Without --agency any agency may be named in the file.")
    columns = LEGACY_COLUMNS
    import_rows = staticmethod(import_rows)
