"""Every change of legacy records, one function per business action (SPEC §4.8, issue 7).

- import_rows: the one import used by the workbench upload, the management command and the API
  (the machinery of beian.imports.importing): checked row by row, written in batches, upserted
  by the legacy record number, which is registered as known (ADR 0090: never issued by the platform
  afterwards; a number the platform issued is refused on its row); a record whose certificate matches
  a submitted sponsor entity is pushed to that applicant (SMS + system message, once per record).
- match_sponsor: the same push when a sponsor entity is submitted later (beian.sponsors.services).
- start_claim: the applicant claims a record: a claim draft of the filing wizard, prefilled.
- complete_claim: the claim application was approved (signal website_filed): the legacy number
  becomes an alias of the new record and the record is claimed.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.filings import record_numbers
from beian.filings import services as filing_services
from beian.filings.models import RecordAlias, Website, WebsiteApplication
from beian.imports.importing import (
    ImportReport,
    RowError,
    audited,
    match_entity,
    run_import,
    upsert_batch,
)
from beian.legacy.models import LegacyRecord
from beian.legacy.validation import RowChecker, ValidRow, default_deadline
from beian.notifications.services import notify_account, post_system_message
from beian.sponsors.models import SponsorEntity

BATCH_SIZE = 1000
UPDATED_FIELDS = ("domain", "website_name", "icp_number", "icp_key", "sponsor_name", "certificate_type",
                  "certificate_number_encrypted", "certificate_hash", "agency", "deadline", "matched_entity",
                  "notified_at", "updated_at")
# A claim in one of these states is still going on: nobody else may start one meanwhile.
ENDED_CLAIMS = (WebsiteApplication.Status.WITHDRAWN,)


class ClaimRefused(Exception):
    """The claim cannot be started; the message says why and what to do."""


def import_rows(*, actor_label: str, rows: Iterable[dict], allowed_agencies, actor=None, first_row: int = 1,
                now=None, details: dict | None = None) -> ImportReport:
    """Import `rows` (dicts with the canonical field names of beian.legacy.validation) for the
    agencies in `allowed_agencies`. A row for any other agency is reported, not imported. The whole
    import ends with one audit entry."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    report = run_import(
        rows=rows, checker=RowChecker.for_agencies(allowed_agencies, today),
        key=lambda row: row.record_number,
        write_batch=lambda batch, report: _write_batch(batch, report, now=now, today=today),
        first_row=first_row, batch_size=BATCH_SIZE)
    return audited(report, actor=actor, action=AuditAction.LEGACY_IMPORTED, actor_label=actor_label,
                   details=details)


@transaction.atomic
def _write_batch(rows: list[ValidRow], report: ImportReport, *, now, today) -> None:
    # Every number is registered (ADR 0090) before its record is written, in this transaction: the
    # allocation skips it from now on. A number the platform issued itself is not a legacy record (its
    # alias would hide a live record): reported on its row, never merged.
    kinds = record_numbers.register_legacy_numbers(row.record_number for row in rows)
    taken = {number for number, kind in kinds.items() if kind == record_numbers.Kind.ISSUED}
    if taken:
        report.errors.extend(RowError(row.row, "record_number", _("This number is a record of this platform, "
                                                                   "not a legacy record."))
                             for row in rows if row.record_number in taken)
        rows = [row for row in rows if row.record_number not in taken]
    upsert_batch(LegacyRecord, rows, report, key="record_number", now=now, today=today,
                 default_deadline=default_deadline, copy=_copy_row, update_fields=UPDATED_FIELDS,
                 batch_size=BATCH_SIZE, send=_send_found)


def _copy_row(record: LegacyRecord, row: ValidRow) -> None:
    record.domain, record.website_name = row.domain, row.website_name
    record.icp_number, record.icp_key = row.icp_number, row.icp_key


def _send_found(owner, record: LegacyRecord) -> None:
    context = {"name": record.website_name, "domain": record.unicode_domain,
               "record_number": record.record_number, "deadline": record.deadline.isoformat()}
    if owner.mobile:
        notify_account(user=owner, template="legacy_found", context=context)
    else:
        post_system_message(user=owner, template="legacy_found", context=context)


def match_sponsor(*, entity: SponsorEntity, now=None) -> int:
    """Push the open legacy records carrying `entity`'s certificate to its owner. Called when a
    sponsor entity is submitted (beian.sponsors.signals), inside that transaction. Returns how many
    records were newly notified."""
    if not entity.certificate_hash:
        return 0
    return match_entity(LegacyRecord, entity=entity, now=now or timezone.now(), send=_send_found)


def start_claim(*, actor, record: LegacyRecord) -> WebsiteApplication:
    """The applicant claims `record` (one pushed to them, or one they found by an exact search):
    a claim draft of the new-website wizard, prefilled with the record's name, domain and ICP
    number. An applicant claiming again gets their claim back; a claim of someone else that is
    still going on blocks a second one. Raises ClaimRefused or filings' FilingActionRefused."""
    with transaction.atomic():
        record = LegacyRecord.objects.select_for_update().get(pk=record.pk)
        if record.status != LegacyRecord.Status.OPEN:
            raise ClaimRefused(_("This website has already been claimed and filed anew."))
        if record.matched_entity_id and record.matched_entity.owner_id != actor.pk:
            raise PermissionDenied
        current = record.application
        if current is not None and current.status not in ENDED_CLAIMS:
            if current.owner_id == actor.pk:
                return current
            raise ClaimRefused(_("Another applicant is claiming this website. If it is yours, ask the police "
                                 "agency that filed it (%(agency)s).") % {"agency": record.agency.name})
        application = filing_services.start_application(
            actor=actor, kind=WebsiteApplication.Kind.CLAIM,
            prefill={"name": record.website_name, "main_domain": record.unicode_domain,
                     "icp_number": record.icp_number})
        record.application, record.updated_at = application, timezone.now()
        record.save(update_fields=["application", "updated_at"])
        audit.record(actor=actor, action=AuditAction.LEGACY_CLAIM_STARTED, target=record, details={
            "record_number": record.record_number, "application": application.pk,
            "matched": record.matched_entity_id is not None})
    return application


def complete_claim(*, application: WebsiteApplication, website: Website, actor=None, now=None) -> bool:
    """The claim application was approved and `website` filed with a new record number: the legacy
    number leads to it from now on (RecordAlias) and the record is claimed. Runs inside the
    approval's transaction (signal website_filed). Returns whether a record was claimed."""
    if application.kind != WebsiteApplication.Kind.CLAIM:
        return False
    now = now or timezone.now()
    with transaction.atomic():
        record = (LegacyRecord.objects.select_for_update()
                  .filter(application=application, status=LegacyRecord.Status.OPEN).first())
        if record is None:
            return False
        record.claim()
        record.website, record.claimed_at, record.updated_at = website, now, now
        record.save()
        # The number's one registry row becomes an alias; a legacy record imported with a number this
        # platform had issued (before the registry existed) leads to no alias: the number stays that record's.
        aliased = record_numbers.register_alias(record.record_number)
        if aliased:
            RecordAlias.objects.get_or_create(number=record.record_number, defaults={"website": website})
        audit.record(actor=actor, action=AuditAction.LEGACY_CLAIMED, target=record, details={
            "record_number": record.record_number, "new_record_number": website.record_number,
            "alias": aliased})
    return True
