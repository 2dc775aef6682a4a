"""Background tasks of the shared machinery (django-tasks). Idempotent: an export with nothing new
writes nothing."""

from django_tasks import task


@task()
def export_audit_head_periodically() -> dict | None:
    # Imported here: audit_heads imports this module to enqueue the task (a cycle at module level).
    from beian.core import audit_heads

    try:
        return audit_heads.export_head()
    finally:
        audit_heads.schedule_exports()
