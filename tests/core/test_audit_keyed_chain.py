"""The keyed audit chain (ADR 0097): key rotation, the sealed unkeyed beginning, exported heads, and
the database reset that must still work with append-only triggers."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import override_settings

from beian.accounts.models import User
from beian.core import audit, audit_heads, audit_keys
from beian.core.audit_actions import AuditAction
from beian.core.models import AuditChainHead, AuditEntry, AuditHeadExport
from tests.core.audit_tampering import plain_sha256, rewrite_and_recompute, triggers_disabled

OLD_KEY = "old-audit-key-" + "o" * 40
NEW_KEY = "new-audit-key-" + "n" * 40


@pytest.fixture
def officer(db):
    return User.objects.create_user("officer_keyed", password="x")


@pytest.fixture
def head_log(settings, tmp_path):
    settings.AUDIT_HEAD_LOG_PATH = tmp_path / "heads.jsonl"
    return settings.AUDIT_HEAD_LOG_PATH


def test_entries_carry_an_hmac_under_the_key_id(officer):
    entry = audit.record(actor=officer, action=AuditAction.SIGN_IN)
    key_id, key = audit_keys.signing_key()
    assert entry.key_id == key_id and len(key_id) == audit_keys.KEY_ID_LENGTH
    assert entry.entry_hash == audit_keys.entry_mac(entry, key)
    assert entry.entry_hash != plain_sha256(entry, entry.previous_hash)
    # The id is a fingerprint made with the key: it gives nothing of the key away.
    assert key_id not in audit_keys.verification_keys()[key_id].decode()


def test_recomputed_rows_passed_off_as_unkeyed_are_detected(officer):
    first = audit.record(actor=officer, action=AuditAction.SIGN_IN)
    audit.record(actor=officer, action=AuditAction.REVIEW_APPROVED)
    rewrite_and_recompute(first.pk, as_unkeyed=True, action="sign_out")
    report = audit.verify_chain()
    assert (report.first_broken_id, report.problem) == (first.pk, "unsealed")


def test_rotation_newest_key_signs_and_every_configured_key_verifies(officer, settings):
    settings.AUDIT_KEY = OLD_KEY
    before = audit.record(actor=officer, action=AuditAction.SIGN_IN)
    settings.AUDIT_KEY, settings.AUDIT_KEY_FALLBACKS = NEW_KEY, [OLD_KEY]
    after = audit.record(actor=officer, action=AuditAction.SIGN_OUT)
    assert before.key_id == audit_keys.key_id(OLD_KEY) and after.key_id == audit_keys.key_id(NEW_KEY)
    assert after.previous_hash == before.entry_hash
    assert audit.verify_chain().intact
    # Without the old key its entries can no longer be verified: said plainly, not "tampered".
    settings.AUDIT_KEY_FALLBACKS = []
    report = audit.verify_chain()
    assert (report.first_broken_id, report.problem) == (before.pk, "unknown_key")
    assert report.detail == before.key_id
    with pytest.raises(CommandError, match="not configured"):
        call_command("verify_audit_chain")


def test_a_short_key_is_refused(officer, settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.AUDIT_KEY = "short"
    with pytest.raises(ImproperlyConfigured, match="AUDIT_KEY"):
        audit.record(actor=officer, action=AuditAction.SIGN_IN)


def _unkeyed_entries(officer, count):
    """Rows as the platform wrote them before the key: plain SHA-256, key_id empty."""
    previous = audit.GENESIS_HASH
    rows = []
    for number in range(count):
        entry = AuditEntry(created_at=datetime.datetime(2026, 1, 1, 8, number, tzinfo=datetime.UTC),
                           actor=officer, actor_label=officer.username, action=f"old_{number}",
                           previous_hash=previous)
        entry.entry_hash = plain_sha256(entry, previous)
        entry.save()
        previous = entry.entry_hash
        rows.append(entry)
    AuditChainHead.objects.update_or_create(id=1, defaults={"last_hash": previous})
    return rows


def test_unkeyed_entries_verify_up_to_the_seal_of_the_migration(officer):
    old = _unkeyed_entries(officer, 3)
    seal = audit.seal_unkeyed_entries(AuditEntry, AuditChainHead)
    assert seal.action == audit.SEAL_ACTION and seal.key_id
    assert seal.details == {"unkeyed_entries": 3, "unkeyed_head": old[-1].entry_hash}
    assert audit.seal_unkeyed_entries(AuditEntry, AuditChainHead) is None  # once only
    audit.record(actor=officer, action=AuditAction.SIGN_IN)
    assert audit.verify_chain().intact


def test_a_rewritten_unkeyed_beginning_no_longer_fits_its_seal(officer):
    old = _unkeyed_entries(officer, 3)
    audit.seal_unkeyed_entries(AuditEntry, AuditChainHead)
    with triggers_disabled():
        AuditEntry.objects.filter(pk=old[1].pk).update(action="rewritten")
        previous = old[0].entry_hash
        for entry in AuditEntry.objects.filter(pk__gte=old[1].pk, key_id="").order_by("pk"):
            new_hash = plain_sha256(entry, previous)
            AuditEntry.objects.filter(pk=entry.pk).update(previous_hash=previous, entry_hash=new_hash)
            previous = new_hash
    report = audit.verify_chain()
    assert not report.intact and report.problem == "altered"


def test_unkeyed_entries_without_a_seal_do_not_verify(officer):
    old = _unkeyed_entries(officer, 2)
    report = audit.verify_chain()
    assert (report.first_broken_id, report.problem) == (old[0].pk, "unsealed")


def test_the_head_is_exported_signed_once_per_change(officer, head_log, caplog):
    audit.record(actor=officer, action=AuditAction.SIGN_IN)
    newest = audit.record(actor=officer, action=AuditAction.SIGN_OUT)
    with caplog.at_level("INFO", logger="beian.audit"):
        fields = audit_heads.export_head()
    assert fields["last_id"] == newest.pk and fields["entries"] == 2 and fields["head"] == newest.entry_hash
    line = json.loads(head_log.read_text().strip())
    assert line["mac"] == audit_keys.head_mac({k: line[k] for k in audit_heads.HEAD_FIELDS},
                                              audit_keys.verification_keys()[line["key_id"]])
    assert "audit chain head" in caplog.text and line["mac"] in caplog.text
    assert audit_heads.export_head() is None, "nothing new: nothing written"
    audit.record(actor=officer, action=AuditAction.PASSWORD_CHANGED)
    out = StringIO()
    call_command("export_audit_head", stdout=out)
    assert "exported" in out.getvalue() and len(head_log.read_text().splitlines()) == 2
    out = StringIO()
    call_command("verify_audit_chain", stdout=out)
    assert "2 exported heads checked" in out.getvalue()


def test_cutting_off_the_newest_entries_is_caught_by_the_exported_head(officer, head_log):
    audit.record(actor=officer, action=AuditAction.SIGN_IN)
    kept = audit.record(actor=officer, action=AuditAction.SIGN_OUT)
    audit.record(actor=officer, action=AuditAction.PASSWORD_CHANGED)
    audit_heads.export_head()
    # The owner of the table lifts the trigger, deletes the newest entry and rewinds the head row.
    with triggers_disabled():
        AuditEntry.objects.filter(pk__gt=kept.pk)._raw_delete(AuditEntry.objects.db)
    AuditChainHead.objects.filter(pk=1).update(last_hash=kept.entry_hash)
    report = audit.verify_chain()
    assert (report.first_broken_id, report.problem) == (-1, "newest_removed")
    with pytest.raises(CommandError, match="newest entries were removed"):
        call_command("verify_audit_chain")


def test_an_exported_head_that_disagrees_with_the_chain_is_reported(officer, head_log, settings):
    entry = audit.record(actor=officer, action=AuditAction.SIGN_IN)
    audit_heads.export_head()
    # Even someone holding the key who re-signs a rewritten entry is caught by the earlier export.
    with triggers_disabled():
        AuditEntry.objects.filter(pk=entry.pk).update(action="rewritten")
        rewritten = AuditEntry.objects.get(pk=entry.pk)
        new_hash = audit_keys.entry_mac(rewritten, audit_keys.signing_key()[1])
        AuditEntry.objects.filter(pk=entry.pk).update(entry_hash=new_hash)
    AuditChainHead.objects.filter(pk=1).update(last_hash=new_hash)
    report = audit.verify_chain()
    assert (report.first_broken_id, report.problem) == (entry.pk, "head_differs")


def test_a_forged_head_line_is_reported(officer, head_log):
    audit.record(actor=officer, action=AuditAction.SIGN_IN)
    audit_heads.export_head()
    line = json.loads(head_log.read_text())
    line["entries"] = 7
    head_log.write_text(json.dumps(line) + "\n")
    report = audit.verify_chain()
    assert (report.problem, report.detail) == ("head_log", "1")
    head_log.write_text("not json\n")
    assert audit.verify_chain().problem == "head_log"


def test_the_immediate_backend_has_no_periodic_export():
    assert audit_heads.schedule_exports() is False


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
                   AUDIT_HEAD_EXPORT_SECONDS=600)
def test_exactly_one_periodic_export_is_scheduled(db, django_capture_on_commit_callbacks):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert audit_heads.schedule_exports(now=now) is True
        assert audit_heads.schedule_exports(now=now + datetime.timedelta(seconds=30)) is False
        assert audit_heads.schedule_exports(now=now + datetime.timedelta(seconds=601)) is True
    assert DBTaskResult.objects.filter(task_path__endswith="export_audit_head_periodically").count() == 2
    assert AuditHeadExport.objects.get().next_run_at == now + datetime.timedelta(seconds=1201)


def test_the_periodic_task_exports(officer, head_log):
    from beian.core.tasks import export_audit_head_periodically

    entry = audit.record(actor=officer, action=AuditAction.SIGN_IN)
    assert export_audit_head_periodically.call()["last_id"] == entry.pk
    assert head_log.exists()


@pytest.mark.django_db(transaction=True)
def test_the_database_reset_empties_the_log_and_keeps_it_append_only():
    """flush (after every transactional test, and `manage.py flush`) is a reset of the whole database:
    it must empty the log on SQLite too, and the triggers must be back afterwards."""
    officer = User.objects.create_user("officer_flushed", password="x")
    audit.record(actor=officer, action=AuditAction.SIGN_IN)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEntry.objects.exists()
    officer = User.objects.create_user("officer_after_flush", password="x")
    entry = audit.record(actor=officer, action=AuditAction.SIGN_OUT)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
