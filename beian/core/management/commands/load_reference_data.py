from django.core.management.base import BaseCommand

from beian.core.reference.loader import load_reference_data


class Command(BaseCommand):
    help = "Load or refresh the reference data of SPEC §3 (idempotent)."

    def handle(self, *args, **options):
        summary = load_reference_data()
        self.stdout.write(
            f"Reference data: {summary.divisions} divisions, {summary.agencies} agencies, "
            f"{summary.code_lists} codes.")
