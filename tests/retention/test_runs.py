"""A retention run as a whole: the dry run, the audit entries, batches that stop halfway, one account,
the command and the daily schedule."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from beian.core.models import AuditEntry
from beian.retention import schedule, services
from beian.sponsors.models import SponsorEntity
from tests.factories import make_applicant
from tests.retention.helpers import all_gone, just_past, outcome, run, stored
from tests.sponsors.helpers import ready_entity

DRAFT_DAYS = "RETENTION_ABANDONED_DRAFT_DAYS"


def _abandoned_sponsor_drafts(count: int):
    """`count` sponsor drafts with their photos, and a moment at which all of them are due."""
    entities = [ready_entity(make_applicant()) for _ in range(count)]
    files = {entity.pk: stored(*[document.file for document in entity.documents.all()])
             for entity in entities}
    last = max(document.uploaded_at for entity in entities for document in entity.documents.all())
    return entities, files, just_past(max(last, *[e.updated_at for e in entities]), DRAFT_DAYS)


def _retention_entries():
    return AuditEntry.objects.filter(action="retention_applied")


def test_the_dry_run_changes_nothing_and_lists_counts_and_ids(reference_data,
                                                              django_capture_on_commit_callbacks):
    entities, files, due_at = _abandoned_sponsor_drafts(2)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("apply_retention", "--dry-run", "--at", due_at.isoformat(), verbosity=2, stdout=out)
    text = out.getvalue()
    assert "abandoned_sponsor_drafts: 2 to delete" in text
    assert f"ids: {entities[0].pk}, {entities[1].pk}" in text
    assert SponsorEntity.objects.filter(pk__in=[e.pk for e in entities]).count() == 2
    assert not any(all_gone([name]) for names in files.values() for name in names)
    assert not _retention_entries().exists()

    plan = services.plan_retention(now=due_at)
    planned = outcome(plan, "abandoned_sponsor_drafts")
    assert planned.due == 2 and not planned.ids


def test_each_rule_writes_one_audit_entry_with_its_counts(reference_data, django_capture_on_commit_callbacks):
    _, _, due_at = _abandoned_sponsor_drafts(2)
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = run(due_at, batch_size=1)
    entries = list(_retention_entries().order_by("id"))
    assert [entry.details["rule"] for entry in entries] == [found.rule.name for found in outcomes]
    details = next(entry.details for entry in entries if entry.details["rule"] == "abandoned_sponsor_drafts")
    assert details | {"cutoff": None} == {
        "rule": "abandoned_sponsor_drafts", "action": "delete", "days": 180, "cutoff": None, "due": 2,
        "deleted": 2, "anonymised": 0, "files_deleted": 6, "kept": 0, "batches": 2, "interrupted": False}
    assert all(entry.actor is None for entry in entries)


def test_a_run_stopped_halfway_leaves_whole_batches_and_a_rerun_finishes(
        reference_data, monkeypatch, django_capture_on_commit_callbacks):
    entities, files, due_at = _abandoned_sponsor_drafts(3)
    real_delete, calls = services._delete_rows, []

    def failing_on_the_second_batch(rule, outcome, rows):
        calls.append(rule.name)
        real_delete(rule, outcome, rows)  # the batch's work is done, then the worker dies before commit
        if len(calls) == 2:
            raise RuntimeError("worker stopped")

    monkeypatch.setattr(services, "_delete_rows", failing_on_the_second_batch)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        run(due_at, batch_size=1)

    first, second, third = entities
    assert not SponsorEntity.objects.filter(pk=first.pk).exists() and all_gone(files[first.pk])
    for kept in (second, third):  # the stopped batch rolled back: its rows and files are both there
        assert SponsorEntity.objects.get(pk=kept.pk).documents.count() == 3
        assert not any(all_gone([name]) for name in files[kept.pk])
    interrupted = _retention_entries().get(details__rule="abandoned_sponsor_drafts")
    assert interrupted.details["interrupted"] is True and interrupted.details["deleted"] == 1

    monkeypatch.setattr(services, "_delete_rows", real_delete)
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = run(due_at, batch_size=1)
    assert outcome(outcomes, "abandoned_sponsor_drafts").deleted == 2
    assert not SponsorEntity.objects.filter(pk__in=[e.pk for e in entities]).exists()
    assert all(all_gone(names) for names in files.values())
    with django_capture_on_commit_callbacks(execute=True):
        assert outcome(run(due_at), "abandoned_sponsor_drafts").deleted == 0  # nothing left: idempotent


def test_the_rules_apply_to_one_account(reference_data, django_capture_on_commit_callbacks):
    (mine, theirs), _, due_at = _abandoned_sponsor_drafts(2)
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = run(due_at, account=mine.owner)
    assert not SponsorEntity.objects.filter(pk=mine.pk).exists()
    assert SponsorEntity.objects.filter(pk=theirs.pk).exists()
    assert "captchas" not in {found.rule.name for found in outcomes}  # data of no account
    assert all(entry.details["account"] == mine.owner_id for entry in _retention_entries())


def test_the_command_applies_and_reports(reference_data, django_capture_on_commit_callbacks):
    _, files, due_at = _abandoned_sponsor_drafts(1)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("apply_retention", "--at", due_at.isoformat(), stdout=out)
    assert "abandoned_sponsor_drafts: 1 deleted, 0 anonymised, 3 files deleted, 0 kept" in out.getvalue()
    assert all(all_gone(names) for names in files.values())


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_one_daily_chain_is_kept(db, settings, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    now, interval = timezone.now(), datetime.timedelta(hours=settings.RETENTION_INTERVAL_HOURS)
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule.schedule(now=now) is True
        assert schedule.schedule(now=now + datetime.timedelta(hours=1)) is False
    queued = DBTaskResult.objects.filter(task_path__endswith="apply_retention_periodically")
    assert queued.count() == 1
    assert queued.get().run_after == now + interval
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule.schedule(now=now + interval) is True


def test_the_task_applies_the_rules(reference_data):
    from beian.retention.tasks import apply_retention_periodically

    result = apply_retention_periodically.enqueue()
    assert set(result.return_value) == {rule.name for rule in services.rules_for()}
    assert schedule.schedule() is False  # the immediate backend of the tests cannot delay


@pytest.mark.parametrize("arguments", [["--at", "yesterday"], ["--batch-size", "0"]])
def test_the_command_refuses_malformed_arguments(db, arguments):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("apply_retention", *arguments, stdout=io.StringIO())
    assert not _retention_entries().exists()


def test_the_command_only_schedules_with_schedule(db):
    out = io.StringIO()
    call_command("apply_retention", "--schedule", stdout=out)
    assert "already scheduled (or the backend cannot delay tasks)" in out.getvalue()
    assert not _retention_entries().exists()  # scheduling applies nothing itself
