"""Checks of single fields, shared by `check_filing` and the Django forms.

Each takes the raw value and the dotted field path and returns a list of problems (empty: fine).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from beian.rules import identifiers, phones
from beian.rules.codes import BBS_APPROVAL, PERSON_HOLDER, allowed_certificate_types
from beian.rules.context import CheckContext, default_context
from beian.rules.domains import display_domain, is_forum_domain, normalize_domain
from beian.rules.ips import is_public_range, parse_ip_range
from beian.rules.keywords import Keywords
from beian.rules.numbers import parse_icp_number
from beian.rules.problems import Problem, Severity, problem

EXPIRY_WARNING_DAYS = 90
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")


def check_certificate_type(certificate_type: str, *, path: str, holder: str) -> list[Problem]:
    """`holder` is a sponsor type, or "person" for the person in charge and the leaders."""
    allowed = allowed_certificate_types(holder)
    if certificate_type in allowed:
        return []
    return [problem("certificate.type_not_allowed", path, certificate_type=certificate_type, holder=holder,
                    allowed=sorted(allowed))]


def check_certificate_number(certificate_type: str, number: str, *, path: str, today: date,
                             sponsor_type: str | None = None,
                             context: CheckContext | None = None) -> list[Problem]:
    """Format and check character; for a sponsor's USCC also the category; for a resident ID the
    region code (a warning: new codes appear before the table knows them)."""
    context = context or default_context()
    if not identifiers.is_valid_certificate(certificate_type, number, today=today):
        return [problem("certificate.invalid", path, certificate_type=certificate_type)]
    normalized = identifiers.normalize_certificate_number(number, certificate_type)
    if certificate_type == "uscc" and sponsor_type is not None:
        settled = identifiers.sponsor_type_for_uscc(normalized)
        if settled is not None and settled != sponsor_type:
            return [problem("certificate.category_mismatch", path, category=normalized[:2],
                            settled_type=settled, sponsor_type=sponsor_type)]
    if certificate_type == "resident_id" and not context.is_known_region(normalized[:6]):
        return [problem("resident_id.unknown_region", path, region=normalized[:6])]
    return []


def check_certificate_validity(valid_until: date, *, path: str, today: date) -> list[Problem]:
    if valid_until < today:
        return [problem("certificate.expired", path, valid_until=valid_until.isoformat())]
    if valid_until - today <= timedelta(days=EXPIRY_WARNING_DAYS):
        return [problem("certificate.expired", path, Severity.WARNING, valid_until=valid_until.isoformat())]
    return []


def check_office_phone(value: str, *, path: str) -> list[Problem]:
    verdict = phones.classify_phone(value, mobile=False)
    return [problem("phone.invalid" if verdict == "invalid" else "phone.fake", path)] if verdict else []


def check_mobile(value: str, *, path: str) -> list[Problem]:
    verdict = phones.classify_phone(value, mobile=True)
    return [problem("mobile.invalid" if verdict == "invalid" else "phone.fake", path)] if verdict else []


def is_valid_email(value: str) -> bool:
    text = unicodedata.normalize("NFKC", value).strip()
    local, at, domain = text.rpartition("@")
    return (bool(at) and len(text) <= 254 and len(local) <= 64 and _EMAIL_LOCAL.fullmatch(local) is not None
            and normalize_domain(domain) is not None)


def check_email(value: str, *, path: str) -> list[Problem]:
    return [] if is_valid_email(value) else [problem("email.invalid", path)]


def check_address(value: str, *, path: str, keywords: Keywords | None = None) -> list[Problem]:
    """Down to the street number or mailbox in a town, to the village in the countryside."""
    keywords = keywords or Keywords.defaults()
    if keywords.address_marker.search(unicodedata.normalize("NFKC", value)):
        return []
    return [problem("address.not_detailed", path)]


def check_domain(value: str, *, path: str, pre_approvals: frozenset[str] | None = None,
                 context: CheckContext | None = None) -> list[Problem]:
    """Validity; "bbs" in the domain (a forum) without the electronic-bulletin approval (only when
    the declared pre-approvals are known); another filing holding the domain."""
    context = context or default_context()
    domain = normalize_domain(value)
    if domain is None:
        return [problem("domain.invalid", path, value=value.strip())]
    problems = []
    if pre_approvals is not None and BBS_APPROVAL not in pre_approvals and is_forum_domain(domain):
        problems.append(problem("domain.bbs_needs_approval", path, domain=display_domain(domain),
                                pre_approval=BBS_APPROVAL))
    if context.domain_already_filed(domain):
        problems.append(problem("domain.already_filed", path, domain=display_domain(domain)))
    return problems


def check_ip(value: str, *, path: str) -> list[Problem]:
    ip_range = parse_ip_range(value)
    if ip_range is None:
        return [problem("ip.invalid", path, value=value.strip())]
    if not is_public_range(ip_range):
        return [problem("ip.not_public", path, value=str(ip_range))]
    return []


def check_icp_number(value: str, *, path: str) -> list[Problem]:
    return [] if parse_icp_number(value) is not None else [problem("icp_number.invalid", path)]


__all__ = [
    "PERSON_HOLDER", "check_address", "check_certificate_number", "check_certificate_type",
    "check_certificate_validity", "check_domain", "check_email", "check_icp_number", "check_ip",
    "check_mobile", "check_office_phone", "is_valid_email",
]
