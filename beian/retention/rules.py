"""The retention rules: for each kind of personal data, how long it is kept after its purpose ended
(a setting, in days), which rows are due (beian.retention.due) and what happens to them.

The figures and their legal basis: ADR 0102. A new kind of personal data gets a rule here.
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from beian.retention import due


@dataclass(frozen=True)
class Action:
    """What a rule does with a due row: delete it, overwrite fields (anonymise), or only count it.
    `files` are file fields ("field", or "relation.field" for a reverse relation) whose stored files
    are deleted from storage once the batch has committed."""

    DELETE = "delete"
    ANONYMISE = "anonymise"
    REPORT = "report"

    kind: str
    values: Mapping = field(default_factory=dict)
    files: tuple[str, ...] = ()


def delete_rows(*files: str) -> Action:
    return Action(Action.DELETE, files=files)


def anonymise(values: Mapping, *files: str) -> Action:
    return Action(Action.ANONYMISE, values=values, files=files)


REPORT_ONLY = Action(Action.REPORT)


@dataclass(frozen=True)
class Rule:
    name: str
    data: Promise  # what is kept, for people (the dry-run, the register of processing)
    days_setting: str
    due: Callable[[datetime.datetime], object]  # cutoff → queryset of due rows
    action: Action
    # The lookup from a due row to the account whose data it is ("" when it belongs to no account),
    # so that the rules can be applied to one account.
    owner: str = ""

    @property
    def days(self) -> int:
        return getattr(settings, self.days_setting)

    def cutoff(self, now: datetime.datetime) -> datetime.datetime:
        return now - datetime.timedelta(days=self.days)

    def due_rows(self, now: datetime.datetime, account=None):
        rows = self.due(self.cutoff(now))
        if account is not None:
            rows = rows.filter(**{self.owner: account.pk})
        return rows


RULES: list[Rule] = [
    Rule("abandoned_filing_drafts", _("filing applications never submitted, with their ID photos and files"),
         "RETENTION_ABANDONED_DRAFT_DAYS", due.abandoned_applications,
         delete_rows("security_scheme", "leader_documents.file", "pre_approvals.scan"), owner="owner_id"),
    Rule("abandoned_sponsor_drafts", _("sponsor entities never submitted, with their ID photos"),
         "RETENTION_ABANDONED_DRAFT_DAYS", due.abandoned_sponsor_drafts,
         delete_rows("documents.file"), owner="owner_id"),
    Rule("pending_registrations", _("registrations whose mobile number was never confirmed"),
         "RETENTION_PENDING_REGISTRATION_DAYS", due.pending_registrations, delete_rows(), owner="pk"),
    Rule("sms_outbox_text", _("text of SMS sent (the delivery record is kept)"),
         "RETENTION_OUTBOX_TEXT_DAYS", due.sent_sms_with_text, anonymise({"text": "", "params": {}}),
         owner="user_id"),
    Rule("email_outbox", _("e-mails sent, waiting in the task queue with their text"),
         "RETENTION_OUTBOX_TEXT_DAYS", due.finished_email_tasks, delete_rows()),
    Rule("cancelled_sponsor_documents",
         _("ID photos and licences of a sponsor whose every website is cancelled"),
         "RETENTION_CANCELLED_SPONSOR_DOCUMENTS_DAYS", due.cancelled_sponsor_documents,
         delete_rows("file"), owner="entity__owner_id"),
    Rule("cancelled_leader_documents",
         _("ID photos of the security leaders of a sponsor whose every website is cancelled"),
         "RETENTION_CANCELLED_SPONSOR_DOCUMENTS_DAYS", due.cancelled_leader_documents,
         delete_rows("file"), owner="application__owner_id"),
    Rule("sms_verification_codes", _("SMS verification codes, used or expired"),
         "RETENTION_VERIFICATION_CODE_DAYS", due.used_or_expired_codes, delete_rows()),
    Rule("captchas", _("answers of the human check"), "RETENTION_CAPTCHA_DAYS", due.expired_captchas,
         delete_rows()),
    Rule("expired_sessions", _("expired sign-in sessions"), "RETENTION_EXPIRED_SESSION_DAYS",
         due.expired_sessions, delete_rows()),
    Rule("badge_checks", _("results of badge-display checks (the last one of a cancelled website)"),
         "RETENTION_BADGE_CHECK_DAYS", due.old_badge_checks, delete_rows()),
    Rule("import_error_reports", _("error reports, names and files of workbench imports"),
         "RETENTION_IMPORT_REPORT_DAYS", due.finished_import_reports,
         anonymise({"errors": [], "file_name": "", "file": ""}, "file"), owner="actor_id"),
    # Kept and archived, never deleted here: the log is append-only and hash-chained (ADR 0102).
    Rule("audit_log", _("audit log entries (kept: only counted)"), "RETENTION_AUDIT_LOG_DAYS",
         due.old_audit_entries, REPORT_ONLY),
]
