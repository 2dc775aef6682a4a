"""Delete or anonymise the personal data whose retention period has ended (ADR 0102).

  manage.py apply_retention --dry-run        what would go, rule by rule (-v 2: with the ids)
  manage.py apply_retention                  do it now (each rule writes an audit entry)
  manage.py apply_retention --schedule       only start the daily run through the task worker
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from beian.retention import schedule as retention_schedule
from beian.retention import services


class Command(BaseCommand):
    help = "Apply the retention rules (--dry-run lists what would go; --schedule starts the daily run)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="change nothing; list what is due")
        parser.add_argument("--schedule", action="store_true",
                            help="only enqueue the daily retention task (needs a backend with run_after)")
        parser.add_argument("--batch-size", type=int, help="rows per transaction (RETENTION_BATCH_SIZE)")
        parser.add_argument("--at", help="act as if it were this ISO 8601 time (for checks and tests)")

    def handle(self, *args, dry_run, schedule, batch_size, at, verbosity, **options):
        if schedule:
            started = retention_schedule.schedule()
            self.stdout.write("Daily retention run scheduled." if started else
                              "Daily retention run already scheduled (or the backend cannot delay tasks).")
            return
        if batch_size is not None and batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        now = _moment(at)
        if dry_run:
            outcomes = services.plan_retention(now=now, with_ids=verbosity >= 2)
        else:
            outcomes = services.apply_retention(now=now, batch_size=batch_size)
        self.stdout.write("Retention (dry run: nothing changed):" if dry_run else "Retention applied:")
        for outcome in outcomes:
            self.stdout.write(_line(outcome, dry_run=dry_run))
            if outcome.ids:
                self.stdout.write(f"    ids: {', '.join(outcome.ids)}")


VERBS = {"delete": "to delete", "anonymise": "to anonymise", "report": "older (kept, never deleted here)"}


def _moment(at: str | None):
    if not at:
        return timezone.now()
    try:
        moment = datetime.datetime.fromisoformat(at)
    except ValueError as exc:
        raise CommandError(f"--at: not an ISO 8601 time: {at}") from exc
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _line(outcome, *, dry_run: bool) -> str:
    rule = outcome.rule
    cutoff = timezone.localtime(outcome.cutoff)
    figure = f"{rule.days_setting}={rule.days} days, before {cutoff:%Y-%m-%d %H:%M}"
    if dry_run or rule.action.kind == "report":
        verb = VERBS[rule.action.kind]
        return f"  {rule.name}: {outcome.due} {verb} ({figure})"
    return (f"  {rule.name}: {outcome.deleted} deleted, {outcome.anonymised} anonymised, "
            f"{outcome.files_deleted} files deleted, {outcome.kept} kept ({figure})")
