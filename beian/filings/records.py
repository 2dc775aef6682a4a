"""Issuing record numbers (SPEC §6): `<agency code><category><serial>`, 14 digits.

The serial of an agency and category comes from one RecordNumberSequence row, advanced under a row
lock (select_for_update) inside the approval's transaction, so two approvals can never get the same
serial and a rolled-back approval gives its serial back (nothing was committed). The first approval
of an agency creates the row; two first approvals at once both try, one wins the unique constraint,
the other reads the winner's row (ADR 0051). SQLite writes one transaction at a time, which is safe too.
"""

from django.conf import settings
from django.db import IntegrityError, transaction

from beian.filings.models import RecordNumberSequence

SERIAL_DIGITS = 6


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


def allocate_record_number(agency, category: str | None = None) -> str:
    """The next record number of the agency; call inside the transaction that uses it."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate_record_number must run inside the approval's transaction")
    category = category or website_category()
    sequence = _locked_sequence(agency, category)
    serial = sequence.last_serial + 1
    if serial >= 10 ** SERIAL_DIGITS:
        raise RecordNumbersExhausted(agency.code)
    sequence.last_serial = serial
    sequence.save(update_fields=["last_serial"])
    return f"{agency.code}{category}{serial:0{SERIAL_DIGITS}d}"
