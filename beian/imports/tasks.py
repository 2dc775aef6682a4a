"""Background tasks of the imports (django-tasks). Idempotent: a run is claimed once."""

from django_tasks import task


@task()
def run_queued_import(run_id: int) -> str:
    # Imported here: uploads imports this module to enqueue the task (a cycle at module level).
    from beian.imports.uploads import run_queued

    return run_queued(run_id)
