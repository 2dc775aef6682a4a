"""Background task of the person's rights (django-tasks). Idempotent: an export is built once."""

from django_tasks import task

from beian.data_rights.exports import build_export


@task()
def build_data_export(export_id: int) -> str:
    return build_export(export_id)
