"""Moving ApiToken and ImportRun from beian.unregistered to beian.imports keeps their tables and rows
(ADR 0105): migrate back to the state before the move, write rows there, migrate forward."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from beian.core.models import Agency
from beian.imports.models import ApiToken, ImportRun

BEFORE = [("unregistered", "0004_encrypt_queued_import_files"), ("imports", None)]
OLD_TASK = "beian.unregistered.tasks.run_queued_import"


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # The models as the migrations applied now define them.
    return MigrationExecutor(connection)._create_project_state(with_applied_migrations=True).apps


@pytest.mark.django_db(transaction=True)
def test_rows_content_types_and_queued_tasks_survive_the_move(reference_data):
    agency = Agency.objects.filter(active=True).first()
    old = _migrate(BEFORE)
    old_token = old.get_model("unregistered", "ApiToken").objects.create(
        agency_id=agency.pk, name="district system", prefix="bu_abcdefg", token_hash="f" * 64)
    old_run = old.get_model("unregistered", "ImportRun").objects.create(
        kind="legacy", imported=3, errors=[{"row": 2, "field": "domain", "reason": "bad"}])
    old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="unregistered", model="apitoken")
    old.get_model("django_tasks_database", "DBTaskResult").objects.create(
        task_path=OLD_TASK, queue_name="default", backend_name="default", run_after=timezone.now(),
        args_kwargs={"args": [old_run.pk], "kwargs": {}}, exception_class_path="", traceback="")
    latest = _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    token = ApiToken.objects.get(pk=old_token.pk)
    assert (token.name, token.prefix, token.agency_id) == ("district system", "bu_abcdefg", agency.pk)
    run = ImportRun.objects.get(pk=old_run.pk)
    assert (run.kind, run.imported, run.errors[0]["field"]) == ("legacy", 3, "domain")
    content_types = latest.get_model("contenttypes", "ContentType").objects
    assert content_types.filter(app_label="imports", model="apitoken").exists()
    assert not content_types.filter(app_label="unregistered", model="apitoken").exists()
    task_paths = set(latest.get_model("django_tasks_database", "DBTaskResult").objects
                     .values_list("task_path", flat=True))
    assert task_paths == {"beian.imports.tasks.run_queued_import"}
