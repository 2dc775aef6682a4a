"""Background task (django-tasks). Idempotent: a second run finds nothing more due."""

from django_tasks import task


@task()
def apply_retention_periodically() -> dict:
    # Imported here: schedule imports this module to enqueue the task (a cycle at module level).
    from beian.retention import schedule, services

    try:
        return {outcome.rule.name: outcome.counts() for outcome in services.apply_retention()}
    finally:
        schedule.schedule()
