from django.core.management.base import BaseCommand, CommandError

from beian.badge_checks import services
from beian.core.models import Agency


class Command(BaseCommand):
    help = ("Check whether filed websites show their record number and link to the public record: "
            "those of one agency (--agency CODE, --below for the agencies under it) or of all (--all). "
            "--schedule starts the periodic run (BADGE_CHECK_INTERVAL_HOURS) in the task worker.")

    def add_arguments(self, parser):
        parser.add_argument("--agency", help="6-digit agency code")
        parser.add_argument("--below", action="store_true", help="also the agencies below it")
        parser.add_argument("--all", action="store_true", help="every filed website")
        parser.add_argument("--schedule", action="store_true", help="start the periodic run")

    def handle(self, *args, agency=None, below=False, all=False, schedule=False, **options):  # noqa: A002
        if schedule:
            started = services.schedule_runs()
            self.stdout.write("scheduled" if started else "already scheduled (or no deferring task backend)")
            return
        if all:
            summary = services.check_everything()
        elif agency:
            found = Agency.objects.filter(code=agency).first()
            if found is None:
                raise CommandError(f"no agency with the code {agency}")
            summary = services.check_agency(actor=None, agency=found, include_below=below)
        else:
            raise CommandError("give --agency CODE, --all or --schedule")
        self.stdout.write(", ".join(f"{outcome}: {count}" for outcome, count in summary.items()))
