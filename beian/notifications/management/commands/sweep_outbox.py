"""Re-queue SMS stuck in the outbox now; with --schedule, also start the periodic sweeper
(`serve` runs `sweep_outbox --schedule` at start; at scale run it once per deployment)."""

from django.core.management.base import BaseCommand

from beian.notifications import outbox


class Command(BaseCommand):
    help = "Re-queue outbox SMS that wait longer than they should; --schedule starts the periodic sweep."

    def add_arguments(self, parser):
        parser.add_argument("--schedule", action="store_true",
                            help="also enqueue the periodic sweep task (needs a task backend with run_after)")

    def handle(self, *args, schedule, **options):
        report = outbox.sweep()
        self.stdout.write(f"Outbox: {report['recovered']} recovered from sending, {report['queued']} queued.")
        if schedule:
            started = outbox.schedule_sweeps()
            self.stdout.write("Periodic sweep scheduled." if started else
                              "Periodic sweep already scheduled (or the task backend cannot delay tasks).")
