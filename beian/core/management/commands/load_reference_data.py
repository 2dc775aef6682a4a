from django.core.management.base import BaseCommand

from beian.core.reference.loader import load_reference_data


class Command(BaseCommand):
    help = "Load or refresh the reference data of SPEC §3 (idempotent)."

    def handle(self, *args, **options):
        summary = load_reference_data()
        changes = summary.division_changes
        self.stdout.write(
            f"Reference data: {summary.divisions} divisions, {summary.agencies} agencies, "
            f"{summary.code_lists} codes.")
        if changes:
            self.stdout.write(
                f"Divisions: {len(changes.added)} added, {len(changes.retired)} retired, "
                f"{len(changes.reactivated)} in force again, {len(changes.renamed)} renamed; "
                f"agencies: {len(changes.agencies_added)} added, {len(changes.agencies_retired)} "
                "retired (manage.py update_divisions lists each change it makes).")
