from django.core.management.base import BaseCommand, CommandError

from beian.core.audit import verify_chain
from beian.core.audit_heads import head_log_path


def describe(report) -> str:
    entry = report.first_broken_id
    return {
        "altered": f"entry {entry} was altered or an entry before it removed",
        "unknown_key": f"entry {entry} is signed with key {report.detail}, which is not configured "
                       "(AUDIT_KEY, AUDIT_KEY_FALLBACKS)",
        "unsealed": f"entry {entry} carries an unkeyed hash where only keyed entries may stand",
        "newest_removed": "the newest entries were removed",
        "head_differs": f"entry {entry} differs from the head exported for it (rewritten or removed)",
        "head_log": f"line {report.detail} of the exported head log is not a genuine signed head",
    }[report.problem]


class Command(BaseCommand):
    help = ("Verify the audit log: every entry's HMAC and link, and the chain heads exported to "
            "AUDIT_HEAD_LOG_PATH; fails naming the first problem.")

    def add_arguments(self, parser):
        parser.add_argument("--head-log", help="exported heads to check (default: AUDIT_HEAD_LOG_PATH)")

    def handle(self, *args, head_log=None, **options):
        report = verify_chain(head_log=head_log)
        if not report.intact:
            raise CommandError(f"Audit chain broken after {report.entries_checked} entries: "
                               f"{describe(report)}.")
        self.stdout.write(f"Audit chain intact: {report.entries_checked} entries, "
                          f"{report.heads_checked} exported heads checked ({head_log_path(head_log)}).")
