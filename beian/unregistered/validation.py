"""Checking one imported row completely before anything is written (never half a row).

A row is a dict of text values under the canonical field names below; the CSV reader maps Chinese or
English column headers onto them, the API's schema uses them directly.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from beian.rules import check_ip, is_valid_certificate, normalize_certificate_number, normalize_domain
from beian.sponsors.models import seal_certificate

FIELDS = ("domain", "ip", "found_where", "found_at", "certificate_type", "certificate_number",
          "sponsor_name", "agency_code", "deadline")
REQUIRED_FIELDS = ("domain", "ip", "found_where", "found_at", "agency_code")
MAX_LENGTHS = {"domain": 253, "ip": 100, "found_where": 500, "sponsor_name": 200, "certificate_number": 60,
               "certificate_type": 60, "agency_code": 6, "found_at": 40, "deadline": 20}
DATETIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
                    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d")


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    reason: str


@dataclass
class ValidRow:
    """Everything needed to write the row; the certificate already sealed."""

    row: int
    domain: str
    ip: str
    found_where: str
    found_at: datetime.datetime
    certificate_type_id: int | None
    certificate_type_code: str
    certificate_number_encrypted: str
    certificate_hash: str
    sponsor_name: str
    agency_id: int
    deadline: datetime.date | None


class RowChecker:
    """Holds what every row is checked against: the agencies the importer may import for, every
    known agency code (to tell "unknown" from "not yours"), the certificate types, today."""

    def __init__(self, *, allowed_agencies: dict[str, int], known_agency_codes: set[str],
                 certificate_types: dict[str, tuple[int, str]], today: datetime.date):
        self.allowed_agencies = allowed_agencies
        self.known_agency_codes = known_agency_codes
        self.certificate_types = certificate_types
        self.today = today

    def check(self, number: int, raw: dict) -> tuple[ValidRow | None, list[RowError]]:
        values = {name: _text(raw.get(name)) for name in FIELDS}
        errors = []

        def fail(field, reason):
            errors.append(RowError(number, field, reason))

        for name in REQUIRED_FIELDS:
            if not values[name]:
                fail(name, _("This value is required."))
        for name, limit in MAX_LENGTHS.items():
            if len(values[name]) > limit:
                fail(name, _("Too long: at most %(limit)d characters.") % {"limit": limit})
        if errors:
            return None, errors
        domain = normalize_domain(values["domain"])
        if domain is None:
            fail("domain", _("Not a domain name (write it without http:// or a path, e.g. example.cn)."))
        if check_ip(values["ip"], path="ip"):
            fail("ip", _("Not a public IPv4 or IPv6 address (or start-end range)."))
        found_at = _parse_datetime(values["found_at"])
        if found_at is None:
            fail("found_at", _("Write the date as YYYY-MM-DD or YYYY-MM-DD HH:MM."))
        agency_id = self._agency(values["agency_code"], fail)
        deadline = None
        if values["deadline"]:
            deadline = _parse_date(values["deadline"])
            if deadline is None:
                fail("deadline", _("Write the date as YYYY-MM-DD."))
        certificate = self._certificate(values, fail)
        if errors:
            return None, errors
        type_id, type_code, encrypted, search_hash = certificate
        return ValidRow(number, domain, values["ip"], values["found_where"], found_at, type_id, type_code,
                        encrypted, search_hash, values["sponsor_name"], agency_id, deadline), []

    def _agency(self, code, fail):
        if code in self.allowed_agencies:
            return self.allowed_agencies[code]
        if code in self.known_agency_codes:
            fail("agency_code", _("Agency %(code)s is outside your jurisdiction.") % {"code": code})
        else:
            fail("agency_code", _("No police agency has the code %(code)s.") % {"code": code})
        return None

    def _certificate(self, values, fail):
        type_text, number = values["certificate_type"], values["certificate_number"]
        if not type_text and not number:
            return None, "", "", ""
        if not number:
            fail("certificate_number", _("Give the certificate number with its type, or neither."))
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
        return type_id, code, encrypted, search_hash


def _text(value) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _parse_datetime(text: str) -> datetime.datetime | None:
    for pattern in DATETIME_FORMATS:
        try:
            moment = datetime.datetime.strptime(text, pattern)
        except ValueError:
            continue
        return timezone.make_aware(moment)
    day = _parse_date(text)
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _parse_date(text: str) -> datetime.date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def default_deadline(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=settings.UNREGISTERED_DEADLINE_DAYS)
