"""Background tasks (django-tasks). Idempotent: a reminder is claimed before it is written."""

from django_tasks import task


@task()
def send_appointment_reminders() -> int:
    # Imported here: reminders imports this module to enqueue the task (a cycle at module level).
    from beian.inspections import reminders, services

    try:
        return services.send_due_reminders()
    finally:
        reminders.schedule()
