"""Issuing record numbers (SPEC §6): `<agency code><category><serial>`, 14 digits, never two uses.

The serial of an agency and category comes from one RecordNumberSequence row, advanced under a row
lock (select_for_update) inside the approval's transaction, so two approvals can never get the same
serial and a rolled-back approval gives its serial back (nothing was committed). The first approval
of an agency creates the row; two first approvals at once both try, one wins the unique constraint,
the other reads the winner's row (ADR 0051). SQLite writes one transaction at a time, which is safe too.

Every number the platform knows has one KnownRecordNumber row (ADR 0090): the allocation skips the
numbers registered there (a legacy number imported before the counter reached it) and registers the
one it issues; the legacy import registers its numbers and refuses the ones issued here; a claimed
legacy number becomes an alias. The primary key of the registry is the number, so even a writer that
skipped these functions cannot give a number a second use.
"""

from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import IntegrityError, transaction

from beian.filings.models import KnownRecordNumber, RecordNumberSequence

SERIAL_DIGITS = 6
# How many serials one query of the registry covers when the allocation looks for a free number.
SKIP_WINDOW = 100
Kind = KnownRecordNumber.Kind


class RecordNumbersExhausted(Exception):
    """The agency has used every serial of the category (999,999)."""


def website_category() -> str:
    """The record category of websites: "02", the only value seen in public numbers (configurable)."""
    return getattr(settings, "WEBSITE_RECORD_CATEGORY", "02")


def _locked_sequence(agency, category: str) -> RecordNumberSequence:
    sequence = (RecordNumberSequence.objects.select_for_update()
                .filter(agency=agency, category=category).first())
    if sequence is not None:
        return sequence
    try:
        with transaction.atomic():  # a savepoint: losing the race must not spoil the outer transaction
            RecordNumberSequence.objects.create(agency=agency, category=category, last_serial=0)
    except IntegrityError:
        pass  # another approval created it a moment ago
    return RecordNumberSequence.objects.select_for_update().get(agency=agency, category=category)


def _number(prefix: str, serial: int) -> str:
    return f"{prefix}{serial:0{SERIAL_DIGITS}d}"


def _unregistered_numbers(prefix: str, after: int) -> Iterator[tuple[int, str]]:
    """(serial, number) for the serials after `after` whose numbers the registry does not hold, in
    order: one query per SKIP_WINDOW serials (a range of the registry's primary key), usually one."""
    start = after + 1
    while start < 10 ** SERIAL_DIGITS:
        end = min(start + SKIP_WINDOW, 10 ** SERIAL_DIGITS) - 1
        taken = set(KnownRecordNumber.objects.filter(number__gte=_number(prefix, start),
                                                     number__lte=_number(prefix, end))
                    .values_list("number", flat=True))
        for serial in range(start, end + 1):
            if _number(prefix, serial) not in taken:
                yield serial, _number(prefix, serial)
        start = end + 1


def _registered(number: str, kind: str) -> bool:
    """Insert `number` into the registry in a savepoint: False when it is known already. On PostgreSQL
    a transaction registering the same number at this moment is waited for: if it commits, the number
    is taken (False), if it rolls back, it is ours."""
    try:
        with transaction.atomic():
            KnownRecordNumber.objects.create(number=number, kind=kind)
    except IntegrityError:
        return False
    return True


def allocate_record_number(agency, category: str | None = None) -> str:
    """The next record number of the agency that no one has used; call inside the transaction that
    uses it (it is registered as issued there)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate_record_number must run inside the approval's transaction")
    category = category or website_category()
    prefix = f"{agency.code}{category}"
    sequence = _locked_sequence(agency, category)
    for serial, number in _unregistered_numbers(prefix, sequence.last_serial):
        if _registered(number, Kind.ISSUED):  # else registered since the query: try the next serial
            sequence.last_serial = serial
            sequence.save(update_fields=["last_serial"])
            return number
    raise RecordNumbersExhausted(agency.code)


def known_kinds(numbers: Iterable[str]) -> dict[str, str]:
    """The kind (KnownRecordNumber.Kind) of each of `numbers` the platform knows."""
    return dict(KnownRecordNumber.objects.filter(number__in=list(numbers)).values_list("number", "kind"))


def register_legacy_numbers(numbers: Iterable[str]) -> dict[str, str]:
    """Register the numbers of legacy records being imported (inside the import's transaction) and
    return the kind of each of them afterwards: "legacy" or "alias" for a legacy record (new or known),
    "issued" for a number this platform issued — never to be imported. A number issued by an approval
    running at this moment is seen: the insert waits for that approval to end."""
    numbers = sorted(set(numbers))  # one order of inserts for every importer: no deadlock between two
    known = known_kinds(numbers)
    fresh = [KnownRecordNumber(number=number, kind=Kind.LEGACY) for number in numbers if number not in known]
    KnownRecordNumber.objects.bulk_create(fresh, ignore_conflicts=True)
    return known_kinds(numbers)


def register_alias(number: str) -> bool:
    """The legacy `number` now leads to a record of this platform (its claim was approved): its one
    registry row becomes an alias. False, and nothing changes, when the number was issued here (a
    legacy record imported with it before the registry existed): the number stays that record's."""
    legacy = KnownRecordNumber.objects.filter(number=number, kind__in=(Kind.LEGACY, Kind.ALIAS))
    if legacy.update(kind=Kind.ALIAS):
        return True
    return _registered(number, Kind.ALIAS)
