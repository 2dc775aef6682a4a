"""Periodic work as one chain of delayed django-tasks (ADR 0010's outbox sweep is the first user).

A single schedule row per job holds the next run's time. Whoever finds that time due (the task
itself, its `--schedule` command run by `manage.py serve`, or an event that wants the job alive)
claims it in one UPDATE and enqueues the next run after commit; duplicate chains die out, as only
one of them finds the slot due. No process memory, so several workers behave as one.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone


def claim_next_run(*, task, schedule_model, interval: datetime.timedelta,
                   now: datetime.datetime | None = None) -> bool:
    """Enqueue `task` after `interval` if this caller claims the due slot of `schedule_model` (a
    model with a nullable `next_run_at`, one row, pk 1). False where the task backend cannot delay
    tasks (there the job's management command, run by cron, does the work) or the slot is not due."""
    if not task.get_backend().supports_defer:
        return False
    now = now or timezone.now()
    next_run_at = now + interval
    with transaction.atomic():
        schedule_model.objects.get_or_create(pk=1)
        claimed = (schedule_model.objects.filter(pk=1)
                   .filter(Q(next_run_at__isnull=True) | Q(next_run_at__lte=now))
                   .update(next_run_at=next_run_at))
        if claimed:
            transaction.on_commit(lambda: task.using(run_after=next_run_at).enqueue(), robust=True)
    return bool(claimed)
