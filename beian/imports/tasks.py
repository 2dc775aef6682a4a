"""Background tasks of the imports (django-tasks). Idempotent: a run is claimed once."""

from django_tasks import task


@task()
def run_queued_import(run_id: int) -> str:
    # Imported here: uploads imports this module to enqueue the task (a cycle at module level).
    from beian.imports.uploads import run_queued

    return run_queued(run_id)


@task()
def write_export(run_id: int) -> str:
    # Imported here: background_exports imports this module to enqueue the task (a cycle at module level).
    from beian.imports.background_exports import write_queued

    return write_queued(run_id)
