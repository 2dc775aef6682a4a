"""Audit actions are declared constants (ADR 0108): every one written is a member of AuditAction,
whose values are the texts the log has always stored, each with a label translated into Chinese."""

import ast
from pathlib import Path

import pytest
from django.utils import translation

from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.models import AuditChainHead, AuditEntry
from beian.imports.models import ApiToken
from beian.review.services import AUDIT_ACTION_OF_DECISION

SOURCE = Path(__file__).resolve().parents[2] / "beian"

# Every text the log held when the actions became constants. Stored entries and their keyed codes
# keep these texts for ever: a member may be added, never renamed or removed.
STORED_BEFORE_THE_CONSTANTS = {
    "account_activated", "account_closed", "account_registered", "agency_contacts_changed",
    "api_token_created", "api_token_revoked", "audit_chain_sealed", "badge_checks_exported",
    "badge_checks_requested", "badge_checks_run", "badge_recheck_requested", "cancellation_code_requested",
    "cancellation_refused_website_online", "cancellation_submitted", "document_viewed", "email_verified",
    "inspection_failed", "inspection_offered", "inspection_other_slots_asked", "inspection_passed",
    "inspection_slot_booked", "inspection_slots_offered_again", "legacy_claim_started", "legacy_claimed",
    "legacy_exported", "legacy_imported", "legacy_searched", "locked_out", "password_changed",
    "password_reset", "password_reset_requested", "personal_data_downloaded",
    "personal_data_export_requested", "pii_keys_rotated", "pii_viewed", "reauth_failed",
    "retention_applied", "review_approved", "review_assigned", "review_face_review", "review_in_review",
    "review_inspection_failed", "review_inspection_passed", "review_onsite_inspection",
    "review_queue_exported", "review_rejected", "review_returned", "review_unassigned", "review_withdrawn",
    "sign_in", "sign_in_code_requested", "sign_in_failed", "sign_out", "sponsor_document_uploaded",
    "sponsor_entity_saved", "sponsor_entity_submitted", "sponsor_identity_change_submitted",
    "staff_account_created", "staff_account_deactivated", "staff_account_reactivated", "totp_enrolled",
    "totp_failed", "totp_reset", "totp_verified", "unregistered_exported", "unregistered_filed",
    "unregistered_imported", "unregistered_searched", "website_application_saved",
    "website_application_started", "website_application_submitted", "website_application_withdrawn",
    "website_cancelled", "website_change_applied", "website_change_started",
}


def _modules():
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path.relative_to(SOURCE.parent), ast.parse(path.read_text(encoding="utf-8"))


def _is_audit_record(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Attribute) and func.attr == "record"
            and isinstance(func.value, ast.Name) and func.value.id == "audit")


def _keyword(call: ast.Call, name: str):
    return next((kw.value for kw in call.keywords if kw.arg == name), None)


def _literal_actions(node) -> list[str]:
    """Texts written in place of a member: string literals and f-strings, in either branch of a
    conditional."""
    if isinstance(node, ast.IfExp):
        return _literal_actions(node.body) + _literal_actions(node.orelse)
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return [ast.unparse(node)]
    return []


def test_every_action_the_code_writes_is_a_declared_member():
    written, literals, unknown_members, declared_as_text = 0, [], [], []
    for path, tree in _modules():
        for node in ast.walk(tree):
            # Every AuditAction.X anywhere names a member (a typo would fail only when that line runs).
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == "AuditAction" and node.attr.isupper()
                    and node.attr not in AuditAction.names):
                unknown_members.append(f"{path}:{node.lineno} AuditAction.{node.attr}")
            if not isinstance(node, ast.Call):
                continue
            if _is_audit_record(node):
                written += 1
                action = _keyword(node, "action")
                assert action is not None, f"{path}:{node.lineno}: audit.record without action="
                literals += [f"{path}:{node.lineno} {text}" for text in _literal_actions(action)]
            # Actions handed on to a helper that writes them (staff._set_active, importing.audited,
            # the workbench's export_action): a declared text there must be the member.
            for keyword in node.keywords:
                if keyword.arg and keyword.arg.endswith("action"):
                    declared_as_text += [f"{path}:{node.lineno} {text}"
                                         for text in _literal_actions(keyword.value)
                                         if text.strip("\"'") in AuditAction.values]
    assert written > 60, "the scan found the audit calls"
    assert not literals, "write AuditAction members, not texts: " + ", ".join(literals)
    assert not unknown_members, "not declared in AuditAction: " + ", ".join(unknown_members)
    assert not declared_as_text, "name the AuditAction member: " + ", ".join(declared_as_text)


def test_the_review_decisions_are_audited_under_their_old_texts():
    literal_decisions = set()
    for _path, tree in _modules():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "record_decision"
                    and isinstance(_keyword(node, "action"), ast.Constant)):
                literal_decisions.add(_keyword(node, "action").value)
    assert literal_decisions <= set(AUDIT_ACTION_OF_DECISION), "every decision has its audit action"
    for decision, action in AUDIT_ACTION_OF_DECISION.items():
        assert action == f"review_{decision}"  # what record_decision wrote before the constants
    assert (ApiToken.AUDIT_CREATED, ApiToken.AUDIT_REVOKED) == ("api_token_created", "api_token_revoked")


def test_no_stored_text_was_renamed_or_removed():
    assert STORED_BEFORE_THE_CONSTANTS <= set(AuditAction.values)
    assert audit.SEAL_ACTION == "audit_chain_sealed"


@pytest.mark.django_db
def test_the_writer_refuses_an_undeclared_action_and_writes_nothing():
    audit.record(actor=None, action=AuditAction.SIGN_IN)
    head = AuditChainHead.objects.get(id=1).last_hash
    for undeclared in ("review_approve", "Sign_in", "", None):
        with pytest.raises(ValueError, match="undeclared audit action"):
            audit.record(actor=None, action=undeclared)
    assert AuditEntry.objects.count() == 1 and AuditChainHead.objects.get(id=1).last_hash == head


@pytest.mark.django_db
def test_a_member_and_its_text_write_the_same_entry():
    by_member = audit.record(actor=None, action=AuditAction.SIGN_IN)
    by_text = audit.record(actor=None, action="sign_in")
    stored = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert stored == ["sign_in", "sign_in"] and type(by_member.action) is str is type(by_text.action)
    assert audit.verify_chain().intact


def test_every_member_has_a_chinese_label_of_its_own():
    with translation.override("en"):
        english = {member: str(member.label) for member in AuditAction}
    with translation.override("zh-hans"):
        chinese = {member: str(member.label) for member in AuditAction}
    untranslated = [member.value for member in AuditAction if chinese[member] == english[member]]
    assert not untranslated, "translate in beian/locale/zh_Hans: " + ", ".join(untranslated)
    # Two actions the auditor could not tell apart would be one label for two things.
    assert len(set(english.values())) == len(AuditAction) == len(set(chinese.values()))
