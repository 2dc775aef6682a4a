"""Export the audit chain head now (a signed line in AUDIT_HEAD_LOG_PATH and the log); with
--schedule, also start the periodic export through the task worker. Safe to run as often as wanted:
a head already exported is not written again."""

from django.core.management.base import BaseCommand

from beian.core import audit_heads


class Command(BaseCommand):
    help = "Export the signed audit chain head; --schedule starts the periodic export."

    def add_arguments(self, parser):
        parser.add_argument("--schedule", action="store_true",
                            help="also enqueue the periodic export task (needs a backend with run_after)")

    def handle(self, *args, schedule, **options):
        fields = audit_heads.export_head()
        if fields is None:
            self.stdout.write("Audit chain head: nothing new to export.")
        else:
            self.stdout.write(f"Audit chain head exported: entry {fields['last_id']}, "
                              f"{fields['entries']} entries, to {audit_heads.head_log_path()}.")
        if schedule:
            started = audit_heads.schedule_exports()
            self.stdout.write("Periodic head export scheduled." if started else
                              "Periodic head export already scheduled (or the backend cannot delay tasks).")
