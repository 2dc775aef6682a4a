"""manage.py rotate_pii_keys: move every encrypted value, search hash and personal file onto the newest
key of PII_KEYS (ADR 0100). Batches of its own transaction; safe to stop and start again."""

from django.core.management.base import BaseCommand, CommandError

from beian.core import audit, pii
from beian.core.audit_actions import AuditAction
from beian.core.pii_rotation import Progress, rotate


class Command(BaseCommand):
    help = ("Re-encrypt every personal field and file with the newest key of PII_KEYS and recompute every "
            "search hash. Resumes where a stopped run left off; a second run finds nothing to do.")

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200, help="Rows per transaction (default 200).")
        parser.add_argument("--dry-run", action="store_true",
                            help="Count the rows that would change; write nothing.")

    def handle(self, *args, batch_size: int, dry_run: bool, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        write = not dry_run
        key_id = pii.newest_key_id()
        self.stdout.write(f"{'Dry run: ' if dry_run else ''}moving personal data onto key {key_id!r}")
        try:
            results = rotate(batch_size=batch_size, write=write, report=self._report)
        except pii.PiiDecryptionError as exc:
            raise CommandError(f"{exc}: a key still in use was removed from PII_KEYS; add it back "
                               "(after the newest) and run again.") from exc
        changed = {progress.label: progress.changed for progress in results if progress.changed}
        missing = [name for progress in results for name in progress.missing_files]
        for name in missing:
            self.stderr.write(f"missing file (left as it is): {name}")
        verb = "would change" if dry_run else "changed"
        self.stdout.write(self.style.SUCCESS(f"Done: {sum(changed.values())} rows {verb}."))
        if write:
            audit.record(actor=None, action=AuditAction.PII_KEYS_ROTATED,
                         details={"key": key_id, "changed": changed, "missing_files": len(missing)})

    def _report(self, progress: Progress) -> None:
        self.stdout.write(f"{progress.label}: {progress.done}/{progress.total} ({progress.changed} changed)")
