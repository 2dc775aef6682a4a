"""The daily retention run (the same pattern as the SMS outbox sweep and the appointment reminders):
one chain of delayed tasks kept alive by whoever claims the due slot of a single schedule row."""

import datetime

from django.conf import settings

from beian.core.periodic import claim_next_run
from beian.retention.models import RetentionSchedule
from beian.retention.tasks import apply_retention_periodically


def schedule(*, now: datetime.datetime | None = None) -> bool:
    """Keep exactly one periodic retention chain, RETENTION_INTERVAL_HOURS apart. Called by the task
    itself and by `apply_retention --schedule` (which `manage.py serve` runs); duplicate chains die
    out, as only one finds the slot due. Returns False where the task backend cannot delay tasks
    (there cron runs `manage.py apply_retention` instead)."""
    return claim_next_run(task=apply_retention_periodically, schedule_model=RetentionSchedule,
                          interval=datetime.timedelta(hours=settings.RETENTION_INTERVAL_HOURS), now=now)
