"""Every action the audit log records (SPEC §8, ADR 0108): one declared member per kind of entry.

The values are the texts stored in AuditEntry.action since the log began and covered by the keyed
codes of the chain (ADR 0097): they never change. A new action is a new member; the writer
(beian.core.audit.record) refuses any action not declared here. The labels are what the auditor reads.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    # Accounts: registration, sign-in, passwords, re-authentication (beian.accounts).
    ACCOUNT_REGISTERED = "account_registered", _("Account registered")
    ACCOUNT_ACTIVATED = "account_activated", _("Account activated")
    EMAIL_VERIFIED = "email_verified", _("Email address verified")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Password reset requested")
    PASSWORD_RESET = "password_reset", _("Password reset")
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
    SIGN_IN_CODE_REQUESTED = "sign_in_code_requested", _("Sign-in code requested")
    SIGN_OUT = "sign_out", _("Signed out")
    LOCKED_OUT = "locked_out", _("Locked out after failed attempts")
    REAUTH_FAILED = "reauth_failed", _("Password confirmation failed")

    # Staff accounts, second factor and agency contacts (beian.staff).
    STAFF_ACCOUNT_CREATED = "staff_account_created", _("Staff account created")
    STAFF_ACCOUNT_DEACTIVATED = "staff_account_deactivated", _("Staff account deactivated")
    STAFF_ACCOUNT_REACTIVATED = "staff_account_reactivated", _("Staff account reactivated")
    TOTP_ENROLLED = "totp_enrolled", _("Authenticator app set up")
    TOTP_VERIFIED = "totp_verified", _("Authenticator code accepted")
    TOTP_FAILED = "totp_failed", _("Authenticator code refused")
    TOTP_RESET = "totp_reset", _("Authenticator app reset")
    AGENCY_CONTACTS_CHANGED = "agency_contacts_changed", _("Agency contact details changed")

    # Sponsor entities and personal data (beian.sponsors, beian.data_rights).
    SPONSOR_ENTITY_SAVED = "sponsor_entity_saved", _("Sponsor entity saved")
    SPONSOR_DOCUMENT_UPLOADED = "sponsor_document_uploaded", _("Sponsor document uploaded")
    SPONSOR_ENTITY_SUBMITTED = "sponsor_entity_submitted", _("Sponsor entity submitted")
    SPONSOR_IDENTITY_CHANGE_SUBMITTED = ("sponsor_identity_change_submitted",
                                         _("Sponsor identity change submitted"))
    PII_VIEWED = "pii_viewed", _("Personal data viewed in full")
    DOCUMENT_VIEWED = "document_viewed", _("Document viewed")
    PERSONAL_DATA_EXPORT_REQUESTED = "personal_data_export_requested", _("Personal data copy requested")
    PERSONAL_DATA_DOWNLOADED = "personal_data_downloaded", _("Personal data copy downloaded")
    ACCOUNT_CLOSED = "account_closed", _("Account closed")
    RETENTION_APPLIED = "retention_applied", _("Retention rule applied")

    # Website filings and changes (beian.filings).
    WEBSITE_APPLICATION_STARTED = "website_application_started", _("Website application started")
    WEBSITE_APPLICATION_SAVED = "website_application_saved", _("Website application saved")
    WEBSITE_APPLICATION_SUBMITTED = "website_application_submitted", _("Website application submitted")
    WEBSITE_APPLICATION_WITHDRAWN = "website_application_withdrawn", _("Website application withdrawn")
    WEBSITE_CHANGE_STARTED = "website_change_started", _("Change of filing started")
    WEBSITE_CHANGE_APPLIED = "website_change_applied", _("Change of filing applied")

    # The review workbench (beian.review): one per decision of beian.review.models.Action.
    REVIEW_QUEUE_EXPORTED = "review_queue_exported", _("Review queue exported")
    REVIEW_ASSIGNED = "review_assigned", _("Review assigned")
    REVIEW_UNASSIGNED = "review_unassigned", _("Review put back in the queue")
    REVIEW_ASSIGNMENT_REFUSED = "review_assignment_refused", _("Review assignment refused")
    REVIEW_IN_REVIEW = "review_in_review", _("Review started")
    REVIEW_APPROVED = "review_approved", _("Review: approved")
    REVIEW_RETURNED = "review_returned", _("Review: returned for correction")
    REVIEW_REJECTED = "review_rejected", _("Review: rejected")
    REVIEW_WITHDRAWN = "review_withdrawn", _("Review: application withdrawn")
    REVIEW_FACE_REVIEW = "review_face_review", _("Review: face review asked for")
    REVIEW_ONSITE_INSPECTION = "review_onsite_inspection", _("Review: on-site inspection asked for")
    REVIEW_INSPECTION_PASSED = "review_inspection_passed", _("Review: inspection passed")
    REVIEW_INSPECTION_FAILED = "review_inspection_failed", _("Review: inspection failed")

    # Face reviews and on-site inspections (beian.inspections).
    INSPECTION_OFFERED = "inspection_offered", _("Inspection slots offered")
    INSPECTION_SLOTS_OFFERED_AGAIN = "inspection_slots_offered_again", _("Inspection slots offered again")
    INSPECTION_SLOT_BOOKED = "inspection_slot_booked", _("Inspection slot booked")
    INSPECTION_OTHER_SLOTS_ASKED = "inspection_other_slots_asked", _("Other inspection slots asked for")
    INSPECTION_PASSED = "inspection_passed", _("Inspection passed")
    INSPECTION_FAILED = "inspection_failed", _("Inspection failed")

    # Cancellations (beian.cancellations).
    CANCELLATION_CODE_REQUESTED = "cancellation_code_requested", _("Cancellation code requested")
    CANCELLATION_REFUSED_WEBSITE_ONLINE = ("cancellation_refused_website_online",
                                           _("Cancellation refused: website still online"))
    CANCELLATION_SUBMITTED = "cancellation_submitted", _("Cancellation submitted")
    WEBSITE_CANCELLED = "website_cancelled", _("Website filing cancelled")

    # Unregistered websites and legacy records (beian.unregistered, beian.legacy).
    UNREGISTERED_SEARCHED = "unregistered_searched", _("Unregistered websites searched")
    UNREGISTERED_IMPORTED = "unregistered_imported", _("Unregistered websites imported")
    UNREGISTERED_EXPORTED = "unregistered_exported", _("Unregistered websites exported")
    UNREGISTERED_FILED = "unregistered_filed", _("Unregistered website now filed")
    LEGACY_SEARCHED = "legacy_searched", _("Legacy records searched")
    LEGACY_IMPORTED = "legacy_imported", _("Legacy records imported")
    LEGACY_EXPORTED = "legacy_exported", _("Legacy records exported")
    LEGACY_CLAIM_STARTED = "legacy_claim_started", _("Legacy record claim started")
    LEGACY_CLAIMED = "legacy_claimed", _("Legacy record claimed")

    # Badge-display checks (beian.badge_checks).
    BADGE_CHECKS_RUN = "badge_checks_run", _("Badge checks run")
    BADGE_CHECKS_REQUESTED = "badge_checks_requested", _("Badge checks requested")
    BADGE_CHECKS_EXPORTED = "badge_checks_exported", _("Badge checks exported")
    BADGE_RECHECK_REQUESTED = "badge_recheck_requested", _("Badge recheck requested")
    EXPORT_DOWNLOADED = "export_downloaded", _("Workbench export downloaded")

    # Keys, tokens and the log itself (beian.core).
    API_TOKEN_CREATED = "api_token_created", _("API token created")
    API_TOKEN_REVOKED = "api_token_revoked", _("API token revoked")
    PII_KEYS_ROTATED = "pii_keys_rotated", _("Personal data keys rotated")
    AUDIT_CHAIN_SEALED = "audit_chain_sealed", _("Entries before keyed codes sealed")


def labelled(actions) -> list[tuple[str, str]]:
    """(code, label) choices for stored action codes, in the order given."""
    return [(action, label_of(action)) for action in actions]


def label_of(action: str) -> str:
    """The label of a stored action; the code itself for a value no member declares (the log is
    never rewritten, so the page must still show whatever an older entry holds)."""
    try:
        return AuditAction(action).label
    except ValueError:
        return action
