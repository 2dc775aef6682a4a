from beian.imports.management.import_command import ImportCommand
from beian.unregistered.csvfile import UNREGISTERED_COLUMNS
from beian.unregistered.services import import_rows


class Command(ImportCommand):
    help = ("Import unregistered websites from a CSV file (UTF-8 or GBK; columns as on the workbench "
            "upload page). Without --agency any agency may be named in the file.")
    columns = UNREGISTERED_COLUMNS
    import_rows = staticmethod(import_rows)
