"""Every change of unregistered websites, one function per business action (SPEC §4.7, issue 7).

The import is one function used by the workbench upload, the management command and the API. Each
row is checked completely first (beian.unregistered.validation); valid rows are written in batches,
one transaction per batch, upserted by domain; invalid rows are reported with their number, field
and reason. A website whose certificate matches a submitted sponsor entity is pushed to that
applicant (SMS + system message, once per website).
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.imports.importing import (
    ImportReport,
    audited,
    match_entity,
    run_import,
    upsert_batch,
)
from beian.notifications.services import post_system_message, send_sms
from beian.rules import normalize_domain
from beian.sponsors.models import SponsorEntity
from beian.unregistered.models import UnregisteredWebsite
from beian.unregistered.validation import RowChecker, ValidRow, default_deadline

BATCH_SIZE = 1000
UPDATED_FIELDS = ("ip", "found_where", "found_at", "certificate_type", "certificate_number_encrypted",
                  "certificate_hash", "sponsor_name", "agency", "deadline", "matched_entity", "notified_at",
                  "updated_at")


def import_rows(*, actor_label: str, rows: Iterable[dict], allowed_agencies, actor=None, first_row: int = 1,
                now=None, details: dict | None = None) -> ImportReport:
    """Import `rows` (dicts with the canonical field names of beian.unregistered.validation) for the
    agencies in `allowed_agencies` (a queryset or list of Agency). A row for any other agency is
    reported, not imported. The whole import ends with one audit entry."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    report = run_import(
        rows=rows, checker=RowChecker.for_agencies(allowed_agencies, today), key=lambda row: row.domain,
        write_batch=lambda batch, report: _write_batch(batch, report, now=now, today=today),
        first_row=first_row, batch_size=BATCH_SIZE)
    return audited(report, actor=actor, action=AuditAction.UNREGISTERED_IMPORTED, actor_label=actor_label,
                   details=details)


@transaction.atomic
def _write_batch(rows: list[ValidRow], report: ImportReport, *, now, today) -> None:
    upsert_batch(UnregisteredWebsite, rows, report, key="domain", now=now, today=today,
                 default_deadline=default_deadline, copy=_copy_row, update_fields=UPDATED_FIELDS,
                 batch_size=BATCH_SIZE, send=_send_found)


def _copy_row(site: UnregisteredWebsite, row: ValidRow) -> None:
    site.ip, site.found_where, site.found_at = row.ip, row.found_where, row.found_at


def _send_found(owner, site: UnregisteredWebsite) -> None:
    context = {"domain": site.unicode_domain, "deadline": site.deadline.isoformat()}
    if owner.mobile:
        send_sms(to=owner.mobile, template="unregistered_found", context=context, user=owner)
    else:
        post_system_message(user=owner, template="unregistered_found", context=context)


def match_sponsor(*, entity: SponsorEntity, now=None) -> int:
    """Push the open unregistered websites carrying `entity`'s certificate to its owner. Called when
    a sponsor entity is submitted (beian.sponsors.signals), inside that transaction. Returns how
    many websites were newly notified."""
    if not entity.certificate_hash:
        return 0
    return match_entity(UnregisteredWebsite, entity=entity, now=now or timezone.now(), send=_send_found)


def close_when_filed(*, domain: str, actor=None, now=None) -> bool:
    """The filings app calls this when a new website filing with `domain` is submitted: the open
    unregistered entry (if any) is marked filed. Returns whether one was closed."""
    ascii_domain = normalize_domain(domain) or domain.strip().lower()
    now = now or timezone.now()
    with transaction.atomic():
        site = (UnregisteredWebsite.objects.select_for_update()
                .filter(domain=ascii_domain, status=UnregisteredWebsite.Status.OPEN).first())
        if site is None:
            return False
        site.status, site.filed_at, site.updated_at = UnregisteredWebsite.Status.FILED, now, now
        site.save(update_fields=["status", "filed_at", "updated_at"])
        audit.record(actor=actor, action=AuditAction.UNREGISTERED_FILED, target=site,
                     details={"domain": site.domain})
    return True

