"""Checking one imported unregistered-website row completely before anything is written (never half a
row). The checks common to every import live in beian.imports.importing.

A row is a dict of text values under the canonical field names below; the CSV reader maps Chinese or
English column headers onto them, the API's schema uses them directly.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from beian.imports import importing
from beian.imports.importing import RowError
from beian.rules import check_ip

FIELDS = ("domain", "ip", "found_where", "found_at", "certificate_type", "certificate_number",
          "sponsor_name", "agency_code", "deadline")
REQUIRED_FIELDS = ("domain", "ip", "found_where", "found_at", "agency_code")
MAX_LENGTHS = {"domain": 253, "ip": 100, "found_where": 500, "sponsor_name": 200, "certificate_number": 60,
               "certificate_type": 60, "agency_code": 6, "found_at": 40, "deadline": 20}


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


class RowChecker(importing.RowChecker):
    FIELDS, REQUIRED_FIELDS, MAX_LENGTHS = FIELDS, REQUIRED_FIELDS, MAX_LENGTHS

    def check(self, number: int, raw: dict) -> tuple[ValidRow | None, list[RowError]]:
        values, errors, fail = self.start(number, raw)
        if errors:
            return None, errors
        domain = self.domain(values, fail)
        if check_ip(values["ip"], path="ip"):
            fail("ip", _("Not a public IPv4 or IPv6 address (or start-end range)."))
        found_at = importing.parse_datetime(values["found_at"])
        if found_at is None:
            fail("found_at", _("Write the date as YYYY-MM-DD or YYYY-MM-DD HH:MM."))
        agency_id = self.agency(values["agency_code"], fail)
        deadline = self.optional_date(values, "deadline", fail)
        certificate = self.certificate(values, fail)
        if errors:
            return None, errors
        return ValidRow(number, domain, values["ip"], values["found_where"], found_at, certificate.type_id,
                        certificate.type_code, certificate.encrypted, certificate.search_hash,
                        values["sponsor_name"], agency_id, deadline), []


def default_deadline(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=settings.UNREGISTERED_DEADLINE_DAYS)
