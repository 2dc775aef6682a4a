"""When reminders go out, and the periodic run that sends them (the same pattern as the SMS outbox
sweep, beian.notifications.outbox.schedule_sweeps): one chain of delayed tasks kept alive by whoever
claims the due slot of a single schedule row.

A reminder goes out the day before the booked time, from REMINDER_HOUR local time (China Standard
Time) on: early enough to plan the trip, late enough not to wake anyone.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from beian.inspections.models import ReminderSchedule


def interval_seconds() -> int:
    return getattr(settings, "APPOINTMENT_REMINDER_INTERVAL_SECONDS", 900)


def reminder_hour() -> int:
    return getattr(settings, "APPOINTMENT_REMINDER_HOUR", 9)


def reminder_moment(starts_at: datetime.datetime) -> datetime.datetime:
    """From when the reminder of a booking that starts at `starts_at` is due."""
    day_before = timezone.localdate(starts_at) - datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day_before, datetime.time(reminder_hour())),
                               timezone.get_current_timezone())


def schedule(*, now: datetime.datetime | None = None) -> bool:
    """Keep exactly one periodic reminder chain: whoever claims the due slot enqueues the next run.

    Called by the task itself, by `send_appointment_reminders --schedule` and after every booking, so
    a chain lost with a wiped queue comes back with the next booking. Duplicate chains die out: only
    one of them finds the slot due. Returns False where the task backend cannot delay tasks (there the
    management command, run by cron, does the work).
    """
    from beian.inspections.tasks import send_appointment_reminders

    if not send_appointment_reminders.get_backend().supports_defer:
        return False
    now = now or timezone.now()
    next_run_at = now + datetime.timedelta(seconds=interval_seconds())
    with transaction.atomic():
        ReminderSchedule.objects.get_or_create(pk=1)
        claimed = (ReminderSchedule.objects.filter(pk=1)
                   .filter(Q(next_run_at__isnull=True) | Q(next_run_at__lte=now))
                   .update(next_run_at=next_run_at))
        if claimed:
            transaction.on_commit(
                lambda: send_appointment_reminders.using(run_after=next_run_at).enqueue(), robust=True)
    return bool(claimed)
