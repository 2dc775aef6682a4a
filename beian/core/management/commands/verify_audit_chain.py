from django.core.management.base import BaseCommand, CommandError

from beian.core.audit import verify_chain


class Command(BaseCommand):
    help = "Verify the hash chain of the audit log; fails naming the first broken entry."

    def handle(self, *args, **options):
        report = verify_chain()
        if not report.intact:
            where = ("the newest entries were removed" if report.first_broken_id == -1
                     else f"entry {report.first_broken_id} was altered or an entry before it removed")
            raise CommandError(f"Audit chain broken after {report.entries_checked} entries: {where}.")
        self.stdout.write(f"Audit chain intact: {report.entries_checked} entries.")
