"""Checking one imported legacy-record row completely before anything is written (never half a row).
The checks common to every import live in beian.imports.importing."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from beian.imports import importing
from beian.imports.importing import RowError
from beian.rules import parse_icp_number, parse_record_number

FIELDS = ("record_number", "domain", "website_name", "icp_number", "sponsor_name", "certificate_type",
          "certificate_number", "agency_code", "deadline")
REQUIRED_FIELDS = ("record_number", "domain", "website_name", "agency_code")
MAX_LENGTHS = {"record_number": 40, "domain": 253, "website_name": 100, "icp_number": 40, "sponsor_name": 200,
               "certificate_type": 60, "certificate_number": 60, "agency_code": 6, "deadline": 20}


@dataclass
class ValidRow:
    """Everything needed to write the row; the certificate already sealed."""

    row: int
    record_number: str
    domain: str
    website_name: str
    icp_number: str
    icp_key: str
    sponsor_name: str
    certificate_type_id: int | None
    certificate_type_code: str
    certificate_number_encrypted: str
    certificate_hash: str
    agency_id: int
    deadline: datetime.date | None


def icp_key(text: str) -> str:
    """The comparable form of an ICP number ('' when it is not one): province, digits, site."""
    parsed = parse_icp_number(text or "")
    if parsed is None:
        return ""
    return f"{parsed.province}:{parsed.digits}-{parsed.site or 0}"


class RowChecker(importing.RowChecker):
    FIELDS, REQUIRED_FIELDS, MAX_LENGTHS = FIELDS, REQUIRED_FIELDS, MAX_LENGTHS

    def check(self, number: int, raw: dict) -> tuple[ValidRow | None, list[RowError]]:
        values, errors, fail = self.start(number, raw)
        if errors:
            return None, errors
        record_number = parse_record_number(values["record_number"])
        if record_number is None:
            fail("record_number", _("Not a public-security record number: 14 digits, the first two a "
                                    "province (e.g. 11010502030143)."))
        domain = self.domain(values, fail)
        icp = parse_icp_number(values["icp_number"]) if values["icp_number"] else None
        if values["icp_number"] and icp is None:
            fail("icp_number", _("Not an ICP record number (e.g. 京ICP备12345678号-1)."))
        agency_id = self.agency(values["agency_code"], fail)
        if record_number and agency_id and record_number[:2] != values["agency_code"][:2]:
            fail("record_number", _("The record number belongs to another province than agency "
                                    "%(code)s.") % {"code": values["agency_code"]})
        deadline = self.optional_date(values, "deadline", fail)
        certificate = self.certificate(values, fail)
        if errors:
            return None, errors
        return ValidRow(number, record_number, domain, values["website_name"], str(icp) if icp else "",
                        icp_key(values["icp_number"]), values["sponsor_name"], certificate.type_id,
                        certificate.type_code, certificate.encrypted, certificate.search_hash, agency_id,
                        deadline), []


def default_deadline(today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=settings.LEGACY_DEADLINE_DAYS)
