"""The bulk-import machinery shared by every police import: unregistered websites (beian.unregistered)
and legacy records (beian.legacy). ADR 0060, 0061 and 0105.

An import is a stream of rows (dicts of text under canonical field names: the CSV reader maps the
headers, the API schema uses the names directly). Each row is checked completely by a RowChecker
before anything is written, so a row is imported whole or not at all; the valid rows of a batch are
written by the import's own `write_batch` in one transaction; invalid rows are reported with their
number, field and reason. Only one batch is held in memory, so 100,000 rows stay small.
"""

import datetime
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from beian.core import audit, pii
from beian.core.models import Agency, CertificateType
from beian.rules import is_valid_certificate, normalize_certificate_number, normalize_domain
from beian.sponsors.models import SponsorEntity, seal_certificate

BATCH_SIZE = 1000
DATETIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
                    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d")


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    reason: str


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    notified: int = 0

    def error_dicts(self) -> list[dict]:
        return [{"row": e.row, "field": e.field, "reason": e.reason} for e in self.errors]


@dataclass(frozen=True)
class SealedCertificate:
    type_id: int | None = None
    type_code: str = ""
    encrypted: str = ""
    search_hash: str = ""


def agency_and_below(agency: Agency):
    """The agency and every agency under it: the same three-level tree as
    beian.accounts.jurisdiction.agencies_in_scope gives a supervisor."""
    return Agency.objects.filter(Q(pk=agency.pk) | Q(parent=agency.pk) | Q(parent__parent=agency.pk))


def entities_by_hash(rows) -> dict:
    """The sponsor entities (submitted or later, never drafts) carrying the certificate of one of
    these import rows, by (certificate type, the row's hash): the push of an import to the matching
    applicants. An entity not yet moved onto the newest key holds an older key's hash, so the lookup
    is with every key's hash of each row's number (ADR 0100)."""
    newest_of = {}
    for row in rows:
        if row.certificate_hash:
            for digest in pii.sealed_hashes(row.certificate_type_code, row.certificate_number_encrypted,
                                            row.certificate_hash):
                newest_of[digest] = row.certificate_hash
    if not newest_of:
        return {}
    entities = (SponsorEntity.objects.filter(certificate_hash__in=newest_of)
                .exclude(status=SponsorEntity.Status.DRAFT).select_related("owner"))
    return {(entity.certificate_type_id, newest_of[entity.certificate_hash]): entity for entity in entities}


class RowChecker:
    """What every row is checked against — the agencies the importer may import for, every known
    agency code (to tell "unknown" from "not yours"), the certificate types, today — and the checks
    common to every import. A subclass names its fields and implements `check(number, raw)`, which
    returns (a valid row or None, [RowError])."""

    FIELDS: tuple[str, ...] = ()
    REQUIRED_FIELDS: tuple[str, ...] = ()
    MAX_LENGTHS: dict[str, int] = {}

    def __init__(self, *, allowed_agencies: dict[str, int], known_agency_codes: set[str],
                 certificate_types: dict[str, tuple[int, str]], today: datetime.date):
        self.allowed_agencies = allowed_agencies
        self.known_agency_codes = known_agency_codes
        self.certificate_types = certificate_types
        self.today = today

    @classmethod
    def for_agencies(cls, allowed_agencies, today: datetime.date):
        """A checker for an importer who may import for `allowed_agencies` (queryset or list)."""
        certificate_types = {}
        for type_id, code, name_zh in CertificateType.objects.values_list("pk", "code", "name_zh"):
            certificate_types[code] = certificate_types[code.lower()] = (type_id, code)
            if name_zh:
                certificate_types[name_zh] = (type_id, code)
        return cls(allowed_agencies={agency.code: agency.pk for agency in allowed_agencies},
                   known_agency_codes=set(Agency.objects.values_list("code", flat=True)),
                   certificate_types=certificate_types, today=today)

    def check(self, number: int, raw: dict):
        raise NotImplementedError

    def values_and_basic_errors(self, number: int, raw: dict) -> tuple[dict, list[RowError]]:
        """The row's stripped text values and its missing / too long values (checked first: a row
        with such a problem is not checked further)."""
        values = {name: text(raw.get(name)) for name in self.FIELDS}
        errors = [RowError(number, name, _("This value is required."))
                  for name in self.REQUIRED_FIELDS if not values[name]]
        errors += [RowError(number, name, _("Too long: at most %(limit)d characters.") % {"limit": limit})
                   for name, limit in self.MAX_LENGTHS.items() if len(values[name]) > limit]
        return values, errors

    def start(self, number: int, raw: dict):
        """The row's values, its basic errors (see values_and_basic_errors) and `fail(field, reason)`,
        which adds an error of this row."""
        values, errors = self.values_and_basic_errors(number, raw)

        def fail(field, reason):
            errors.append(RowError(number, field, reason))

        return values, errors, fail

    @staticmethod
    def domain(values: dict, fail) -> str | None:
        """The ASCII form of the row's `domain`; None (after `fail`) when it is not a domain name."""
        domain = normalize_domain(values["domain"])
        if domain is None:
            fail("domain", _("Not a domain name (write it without http:// or a path, e.g. example.cn)."))
        return domain

    def agency(self, code: str, fail) -> int | None:
        if code in self.allowed_agencies:
            return self.allowed_agencies[code]
        if code in self.known_agency_codes:
            fail("agency_code", _("Agency %(code)s is outside your jurisdiction.") % {"code": code})
        else:
            fail("agency_code", _("No police agency has the code %(code)s.") % {"code": code})
        return None

    def certificate(self, values: dict, fail, *, required: bool = False) -> SealedCertificate | None:
        """The sealed certificate of `certificate_type` + `certificate_number`; an empty one when
        both are empty and not required; None (after `fail`) when it is wrong."""
        type_text, number = values["certificate_type"], values["certificate_number"]
        if not type_text and not number and not required:
            return SealedCertificate()
        if not number:
            fail("certificate_number", _("Give the certificate number with its type, or neither.")
                 if not required else _("This value is required."))
            return None
        found = self.certificate_types.get(type_text) or self.certificate_types.get(type_text.lower())
        if found is None:
            fail("certificate_type", _("Unknown certificate type. Use a code such as uscc or resident_id."))
            return None
        type_id, code = found
        canonical = normalize_certificate_number(number, code)
        if not is_valid_certificate(code, canonical, today=self.today):
            fail("certificate_number", _("The number does not match the format or check character of "
                                         "its certificate type."))
            return None
        encrypted, search_hash = seal_certificate(code, canonical)
        return SealedCertificate(type_id, code, encrypted, search_hash)

    def optional_date(self, values: dict, name: str, fail) -> datetime.date | None:
        if not values[name]:
            return None
        day = parse_date(values[name])
        if day is None:
            fail(name, _("Write the date as YYYY-MM-DD."))
        return day


def run_import(*, rows: Iterable[dict], checker: RowChecker, key: Callable,
               write_batch: Callable[[list, ImportReport], None], first_row: int = 1,
               batch_size: int = BATCH_SIZE) -> ImportReport:
    """Check `rows` one by one and hand the valid ones, a batch at a time, to `write_batch(rows,
    report)` (which writes them in one transaction and counts them). A key seen twice in one batch:
    the later row wins. Rows the CSV reader could not read arrive as {"__error__": reason}, blank
    lines as {"__blank__": True}."""
    report = ImportReport()
    numbered = enumerate(rows, start=first_row)
    while batch := list(itertools.islice(numbered, batch_size)):
        valid = {}
        for number, raw in batch:
            if raw.get("__blank__"):
                continue
            if "__error__" in raw:
                report.errors.append(RowError(number, "", raw["__error__"]))
                continue
            row, errors = checker.check(number, raw)
            report.errors.extend(errors)
            if row is not None:
                valid[key(row)] = row
        if valid:
            write_batch(list(valid.values()), report)
    return report


def audited(report: ImportReport, *, actor, action: str, actor_label: str,
            details: dict | None) -> ImportReport:
    """The one audit entry that ends a whole import (counts, how it came in, `details`)."""
    with transaction.atomic():
        audit.record(actor=actor, action=action, details={
            "via": actor_label, "imported": report.imported, "updated": report.updated,
            "errors": len(report.errors), "notified": report.notified, **(details or {})})
    return report


def _same_certificate(stored_hash: str, row) -> bool:
    """Whether an entry's stored hash is the row's certificate, under any key of the ring."""
    if stored_hash == row.certificate_hash:
        return True
    return bool(row.certificate_hash) and stored_hash in pii.sealed_hashes(
        row.certificate_type_code, row.certificate_number_encrypted, row.certificate_hash)


def upsert_batch(model, rows: list, report: ImportReport, *, key: str, now, today, default_deadline: Callable,
                 copy: Callable, update_fields: tuple[str, ...], batch_size: int, send: Callable) -> None:
    """Write one batch of valid rows of an imported kind of website (a subclass of
    beian.imports.models.ImportedWebsite) upserted by its unique `key`, inside the caller's
    transaction: `copy(item, row)` sets the kind's own fields, this the shared ones. An entry whose
    certificate now matches a sponsor entity is pushed with `send(owner, item)` (see notify_matched)."""
    existing = {getattr(item, key): item for item in model.objects.select_for_update()
                .filter(**{f"{key}__in": [getattr(row, key) for row in rows]})}
    entities = entities_by_hash(rows)
    new, changed = [], []
    for row in rows:
        item = existing.get(getattr(row, key))
        if item is None:
            item = model(**{key: getattr(row, key)}, created_at=now,
                         deadline=row.deadline or default_deadline(today))
            new.append(item)
        else:
            changed.append(item)
            if row.deadline:
                item.deadline = row.deadline
            if not _same_certificate(item.certificate_hash, row):  # another sponsor: match afresh
                item.matched_entity_id, item.notified_at = None, None
        copy(item, row)
        item.certificate_type_id, item.certificate_hash = row.certificate_type_id, row.certificate_hash
        item.certificate_number_encrypted = row.certificate_number_encrypted
        item.sponsor_name = row.sponsor_name
        item.agency_id, item.updated_at = row.agency_id, now
        entity = entities.get((row.certificate_type_id, row.certificate_hash))
        if entity is not None and item.matched_entity_id is None and item.status == model.Status.OPEN:
            item.matched_entity_id = entity.pk
    # One INSERT … ON CONFLICT (key) DO UPDATE for the whole batch (bulk_update's CASE WHEN per field is
    # far slower). Known rows are sent without their primary key, so the key is the only conflict; the
    # state of an entry (status, claim, filing) is never among the updated fields.
    for item in changed:
        item.pk = item.id = None
    model.objects.bulk_create(new + changed, batch_size=batch_size, update_conflicts=True,
                              unique_fields=[key], update_fields=update_fields)
    report.imported += len(new)
    report.updated += len(changed)
    pending = [getattr(row, key) for row in rows
               if entities.get((row.certificate_type_id, row.certificate_hash)) is not None]
    if pending:
        report.notified += notify_matched(model.objects.filter(**{f"{key}__in": pending}), now=now, send=send)


def notify_matched(items, *, now, send: Callable) -> int:
    """`send(owner, item)` (SMS + system message) to the owner of each matched, open, not yet notified
    entry of `items`. The conditional update makes "once per entry" hold even when two imports race."""
    model = items.model
    sent = 0
    unsent = items.filter(status=model.Status.OPEN, matched_entity__isnull=False, notified_at__isnull=True)
    for item in unsent.select_related("matched_entity__owner"):
        if not model.objects.filter(pk=item.pk, notified_at__isnull=True).update(notified_at=now):
            continue
        send(item.matched_entity.owner, item)
        sent += 1
    return sent


def match_entity(model, *, entity: SponsorEntity, now, send: Callable) -> int:
    """Push the open entries of `model` carrying `entity`'s certificate to its owner; how many were
    newly notified."""
    with transaction.atomic():
        hashes = pii.sealed_hashes(entity.certificate_type.code, entity.certificate_number_encrypted,
                                   entity.certificate_hash)
        model.objects.filter(
            certificate_hash__in=hashes, certificate_type_id=entity.certificate_type_id,
            status=model.Status.OPEN, matched_entity__isnull=True,
        ).update(matched_entity=entity, updated_at=now)
        return notify_matched(model.objects.filter(matched_entity=entity), now=now, send=send)


def text(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


def parse_datetime(value: str) -> datetime.datetime | None:
    for pattern in DATETIME_FORMATS:
        try:
            moment = datetime.datetime.strptime(value, pattern)
        except ValueError:
            continue
        return timezone.make_aware(moment)
    day = parse_date(value)
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def parse_date(value: str) -> datetime.date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None
