"""Is this filing right? The rule catalogue of SPEC §7 in pure Python (never imports Django).

The applicant's forms, the JSON pre-check API and the reviewer's findings all ask this package, so
one rule lives in one place. Entry point: `check_filing(document, today=…)` → list of `Problem`s;
`message_for(problem, language)` turns one into a sentence a person can act on.
"""

from beian.rules.codes import ALLOWED_CERTIFICATE_TYPES, allowed_certificate_types
from beian.rules.context import CheckContext
from beian.rules.domains import is_valid_domain, normalize_domain
from beian.rules.errors import InputError, MalformedInput, UnknownCode
from beian.rules.fields import (
    check_address,
    check_certificate_number,
    check_certificate_type,
    check_domain,
    check_email,
    check_icp_number,
    check_ip,
    check_mobile,
    check_office_phone,
)
from beian.rules.filing import check_filing, check_leaders, check_person, check_sponsor, check_website
from beian.rules.identifiers import (
    is_known_region,
    is_valid_certificate,
    is_valid_org_code,
    is_valid_resident_id,
    is_valid_uscc,
    normalize_certificate_number,
    sponsor_type_for_uscc,
)
from beian.rules.images import check_image, reencode_image
from beian.rules.keywords import Keywords
from beian.rules.messages import message_for
from beian.rules.names import check_person_name, check_sponsor_name, check_website_name
from beian.rules.numbers import ICPNumber, format_record_number, parse_icp_number, parse_record_number
from beian.rules.problems import RULES, Problem, Rule, Severity

__all__ = [
    "ALLOWED_CERTIFICATE_TYPES", "RULES", "CheckContext", "ICPNumber", "InputError", "Keywords",
    "MalformedInput", "Problem", "Rule", "Severity", "UnknownCode", "allowed_certificate_types",
    "check_address", "check_certificate_number", "check_certificate_type", "check_domain", "check_email",
    "check_filing", "check_icp_number", "check_image", "check_ip", "check_leaders", "check_mobile",
    "check_office_phone", "check_person", "check_person_name", "check_sponsor", "check_sponsor_name",
    "check_website", "check_website_name", "format_record_number", "is_known_region", "is_valid_certificate",
    "is_valid_domain", "is_valid_org_code", "is_valid_resident_id", "is_valid_uscc", "message_for",
    "normalize_certificate_number", "normalize_domain", "parse_icp_number", "parse_record_number",
    "reencode_image", "sponsor_type_for_uscc",
]
