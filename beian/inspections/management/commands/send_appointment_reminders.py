"""Send the reminders that are due now (the day before each booked face review or inspection); with
--schedule, also start the periodic run through the task worker. Safe to run as often as wanted:
each booking is reminded once."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from beian.inspections import reminders, services


class Command(BaseCommand):
    help = "Send due reminders of booked face reviews and inspections; --schedule starts the periodic run."

    def add_arguments(self, parser):
        parser.add_argument("--schedule", action="store_true",
                            help="also enqueue the periodic reminder task (needs a backend with run_after)")
        parser.add_argument("--at", help="act as if it were this ISO 8601 time (for checks and tests)")

    def handle(self, *args, schedule, at, **options):
        now = None
        if at:
            try:
                now = datetime.datetime.fromisoformat(at)
            except ValueError as exc:
                raise CommandError(f"--at: not an ISO 8601 time: {at}") from exc
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        sent = services.send_due_reminders(now=now)
        self.stdout.write(f"Appointment reminders: {sent} sent.")
        if schedule:
            started = reminders.schedule()
            self.stdout.write("Periodic reminders scheduled." if started else
                              "Periodic reminders already scheduled (or the backend cannot delay tasks).")
