import pytest
from django.core.management import CommandError, call_command

from beian.accounts.models import User
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.models import AuditEntry
from tests.core.audit_tampering import triggers_disabled

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return User.objects.create_user("officer_one", password="x")


def test_entries_form_a_chain_that_verifies(officer):
    first = audit.record(actor=officer, action=AuditAction.SIGN_IN, client_address="203.0.113.9")
    second = audit.record(actor=None, action=AuditAction.REVIEW_QUEUE_EXPORTED, target=officer,
                          details={"rows": 3})
    assert first.previous_hash == audit.GENESIS_HASH
    assert second.previous_hash == first.entry_hash
    assert (second.object_type, second.object_id) == ("accounts.user", str(officer.pk))
    assert audit.verify_chain().intact
    call_command("verify_audit_chain")


def test_an_altered_entry_breaks_the_chain_from_there(officer):
    audit.record(actor=officer, action=AuditAction.SIGN_IN)
    victim = audit.record(actor=officer, action=AuditAction.REVIEW_APPROVED, details={"outcome": "approved"})
    audit.record(actor=officer, action=AuditAction.SIGN_OUT)
    with triggers_disabled():
        AuditEntry.objects.filter(pk=victim.pk).update(details={"outcome": "returned"})
    report = audit.verify_chain()
    assert report.first_broken_id == victim.pk and report.entries_checked == 1
    with pytest.raises(CommandError, match=f"entry {victim.pk}"):
        call_command("verify_audit_chain")


def test_a_removed_entry_is_noticed(officer):
    audit.record(actor=officer, action=AuditAction.SIGN_IN)
    middle = audit.record(actor=officer, action=AuditAction.SIGN_OUT)
    audit.record(actor=officer, action=AuditAction.PASSWORD_CHANGED)
    with triggers_disabled():
        AuditEntry.objects.filter(pk=middle.pk)._raw_delete(AuditEntry.objects.db)
    assert not audit.verify_chain().intact


def test_removing_the_newest_entry_is_noticed(officer):
    audit.record(actor=officer, action=AuditAction.SIGN_IN)
    newest = audit.record(actor=officer, action=AuditAction.SIGN_OUT)
    with triggers_disabled():
        AuditEntry.objects.filter(pk=newest.pk)._raw_delete(AuditEntry.objects.db)
    assert audit.verify_chain().first_broken_id == -1


def test_entries_cannot_be_changed_or_deleted_through_the_model(officer):
    entry = audit.record(actor=officer, action=AuditAction.SIGN_IN)
    entry.action = "b"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


def test_an_account_with_audit_entries_cannot_be_deleted(officer):
    from django.db.models import ProtectedError

    audit.record(actor=officer, action=AuditAction.SIGN_IN)
    with pytest.raises(ProtectedError):
        officer.delete()
