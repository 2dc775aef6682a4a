"""When reminders go out, and the periodic run that sends them (the same pattern as the SMS outbox
sweep, beian.notifications.outbox.schedule_sweeps): one chain of delayed tasks kept alive by whoever
claims the due slot of a single schedule row.

A reminder goes out the day before the booked time, from REMINDER_HOUR local time (China Standard
Time) on: early enough to plan the trip, late enough not to wake anyone.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from beian.core.periodic import claim_next_run
from beian.inspections.models import ReminderSchedule
from beian.inspections.tasks import send_appointment_reminders


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
    return claim_next_run(task=send_appointment_reminders, schedule_model=ReminderSchedule,
                          interval=datetime.timedelta(seconds=interval_seconds()), now=now)
