"""Issue 14 item 9: the attacks on the audit log that a plain hash chain did not stop."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from beian.accounts.models import User
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.models import AuditEntry
from tests.core.audit_tampering import rewrite_and_recompute

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return User.objects.create_user("officer_attacked", password="x")


def test_an_edited_entry_with_every_later_hash_recomputed_is_detected(officer):
    audit.record(actor=officer, action=AuditAction.SIGN_IN)
    victim = audit.record(actor=officer, action=AuditAction.REVIEW_APPROVED, details={"outcome": "approved"})
    audit.record(actor=officer, action=AuditAction.SIGN_OUT)
    rewrite_and_recompute(victim.pk, details={"outcome": "returned"})
    report = audit.verify_chain()
    assert not report.intact
    assert report.first_broken_id == victim.pk
    with pytest.raises(CommandError):
        call_command("verify_audit_chain")


def _refused(sql, params):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def _assert_the_database_refuses_changes(officer):
    entry = audit.record(actor=officer, action=AuditAction.REVIEW_APPROVED, details={"outcome": "approved"})
    _refused("UPDATE core_auditentry SET action = %s WHERE id = %s", ["forged", entry.pk])
    _refused("DELETE FROM core_auditentry WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk)._raw_delete(AuditEntry.objects.db)
    assert AuditEntry.objects.get(pk=entry.pk).action == AuditAction.REVIEW_APPROVED


def test_sqlite_refuses_update_and_delete_of_entries(officer):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite triggers")
    _assert_the_database_refuses_changes(officer)


@pytest.mark.postgres
def test_postgresql_refuses_update_and_delete_of_entries(officer):
    _assert_the_database_refuses_changes(officer)


@pytest.mark.postgres
def test_the_application_role_of_the_readme_cannot_rewrite_the_log(officer):
    """README "Database roles": the web processes run as a role with INSERT and SELECT only on the log."""
    role = "beian_app_role_test"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
        cursor.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
        cursor.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
        cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
        cursor.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON core_auditentry FROM {role}")
        cursor.execute(f"SET LOCAL ROLE {role}")
    entry = audit.record(actor=officer, action=AuditAction.SIGN_IN)
    assert audit.verify_chain().intact
    for statement in ("UPDATE core_auditentry SET action = 'forged'", "DELETE FROM core_auditentry",
                      "TRUNCATE core_auditentry", "ALTER TABLE core_auditentry DISABLE TRIGGER USER"):
        with pytest.raises(DatabaseError, match="permission denied|must be owner"), transaction.atomic(), \
                connection.cursor() as cursor:
            cursor.execute(statement)
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
    assert AuditEntry.objects.get(pk=entry.pk).action == AuditAction.SIGN_IN
