"""The daily retention run (the same pattern as the SMS outbox sweep and the appointment reminders):
one chain of delayed tasks kept alive by whoever claims the due slot of a single schedule row."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from beian.retention.models import RetentionSchedule


def schedule(*, now: datetime.datetime | None = None) -> bool:
    """Keep exactly one periodic retention chain, RETENTION_INTERVAL_HOURS apart. Called by the task
    itself and by `apply_retention --schedule` (which `manage.py serve` runs); duplicate chains die
    out, as only one finds the slot due. Returns False where the task backend cannot delay tasks
    (there cron runs `manage.py apply_retention` instead)."""
    from beian.retention.tasks import apply_retention_periodically

    if not apply_retention_periodically.get_backend().supports_defer:
        return False
    now = now or timezone.now()
    next_run_at = now + datetime.timedelta(hours=settings.RETENTION_INTERVAL_HOURS)
    with transaction.atomic():
        RetentionSchedule.objects.get_or_create(pk=1)
        claimed = (RetentionSchedule.objects.filter(pk=1)
                   .filter(Q(next_run_at__isnull=True) | Q(next_run_at__lte=now))
                   .update(next_run_at=next_run_at))
        if claimed:
            transaction.on_commit(
                lambda: apply_retention_periodically.using(run_after=next_run_at).enqueue(), robust=True)
    return bool(claimed)
