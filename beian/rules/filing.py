"""The whole-filing check: the document of SPEC §7.1 in, a list of problems out.

Every key is optional: only what is present (and not null) is checked, and a cross-field rule runs
only when both of its sides are present — e.g. the certificate type is compared with the sponsor
type only when both are given, and the naming and domain rules about pre-approvals run only when
`website.pre_approvals` is given (an empty list means "none declared"). Keys outside §7.1 are ignored.

The optional top-level `kind` ("new", the default, "change" or "claim") says what is filed: the
lateness warning is for new websites only — a change or the claim of a website filed offline is
not a first filing (issue 13).

`check_filing` raises only `MalformedInput` (a value of the wrong JSON type or an unreadable date)
and `UnknownCode` (a code that is not in SPEC §3); both carry the field path.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from beian.rules import codes, identifiers
from beian.rules.context import LEADER_WEBSITE_LIMIT, CheckContext, default_context
from beian.rules.errors import MalformedInput, UnknownCode
from beian.rules.fields import (
    check_address,
    check_certificate_number,
    check_certificate_type,
    check_certificate_validity,
    check_domain,
    check_email,
    check_icp_number,
    check_ip,
    check_mobile,
    check_office_phone,
)
from beian.rules.names import check_person_name, check_sponsor_name, check_website_name
from beian.rules.problems import Problem, problem

LATE_FILING_DAYS = 30  # MPS Order No. 33 (1997), Article 12
# A validity end date written as words instead of a date.
LONG_TERM = frozenset({"long_term", "long-term", "长期"})


# --- reading the document: right JSON types or MalformedInput ------------------------------------

def _object(data: dict[str, Any], key: str, path: str) -> dict[str, Any] | None:
    value = data.get(key)
    if value is not None and not isinstance(value, dict):
        raise MalformedInput(path, "expected an object")
    return value


def _text(data: dict[str, Any], key: str, path: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise MalformedInput(path, "expected a string")
    return value


def _flag(data: dict[str, Any], key: str, path: str) -> bool | None:
    value = data.get(key)
    if value is not None and not isinstance(value, bool):
        raise MalformedInput(path, "expected true or false")
    return value


def _list(data: dict[str, Any], key: str, path: str) -> list[Any] | None:
    value = data.get(key)
    if value is not None and not isinstance(value, list | tuple):
        raise MalformedInput(path, "expected a list")
    return None if value is None else list(value)


def _texts(data: dict[str, Any], key: str, path: str) -> list[str] | None:
    values = _list(data, key, path)
    for index, value in enumerate(values or ()):
        if not isinstance(value, str):
            raise MalformedInput(f"{path}[{index}]", "expected a string")
    return values


def _code(data: dict[str, Any], key: str, path: str, allowed: Iterable[str]) -> str | None:
    value = _text(data, key, path)
    if value is not None and value not in allowed:
        raise UnknownCode(path, value, allowed)
    return value


def _codes(data: dict[str, Any], key: str, path: str, allowed: Iterable[str]) -> list[str] | None:
    values = _texts(data, key, path)
    for index, value in enumerate(values or ()):
        if value not in allowed:
            raise UnknownCode(f"{path}[{index}]", value, allowed)
    return values


def _date(data: dict[str, Any], key: str, path: str, *, words: frozenset[str] = frozenset()) -> date | None:
    value = data.get(key)
    if value is None or isinstance(value, str) and value.strip().lower() in words:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise MalformedInput(path, "expected a date as YYYY-MM-DD")


# --- the parts of a filing ------------------------------------------------------------------------

def _check_identity(data: dict[str, Any], *, path: str, holder: str, today: date,
                    context: CheckContext) -> tuple[list[Problem], str | None]:
    """Certificate type, number and validity of a sponsor (holder = its type, or None when the
    type is not given) or of a person (holder = "person"). Returns the problems and the type."""
    problems: list[Problem] = []
    certificate_type = _code(data, "certificate_type", f"{path}.certificate_type", codes.CERTIFICATE_TYPES)
    if certificate_type is not None and holder is not None:
        problems += check_certificate_type(certificate_type, path=f"{path}.certificate_type", holder=holder)
    number = _text(data, "certificate_number", f"{path}.certificate_number")
    if number is not None and certificate_type is not None:
        # A certificate type the holder may not use already says it all: no category comparison too.
        sponsor_type = None if holder == codes.PERSON_HOLDER or problems else holder
        problems += check_certificate_number(certificate_type, number, path=f"{path}.certificate_number",
                                             today=today, sponsor_type=sponsor_type, context=context)
    valid_until = _date(data, "certificate_valid_until", f"{path}.certificate_valid_until", words=LONG_TERM)
    if valid_until is not None:
        problems += check_certificate_validity(valid_until, path=f"{path}.certificate_valid_until",
                                               today=today)
    return problems, certificate_type


def _check_contacts(data: dict[str, Any], *, path: str, address_key: str,
                    context: CheckContext) -> list[Problem]:
    problems: list[Problem] = []
    if (address := _text(data, address_key, f"{path}.{address_key}")) is not None:
        problems += check_address(address, path=f"{path}.{address_key}", keywords=context.keywords)
    if (phone := _text(data, "office_phone", f"{path}.office_phone")) is not None:
        problems += check_office_phone(phone, path=f"{path}.office_phone")
    if (mobile := _text(data, "mobile", f"{path}.mobile")) is not None:
        problems += check_mobile(mobile, path=f"{path}.mobile")
    if (email := _text(data, "email", f"{path}.email")) is not None:
        problems += check_email(email, path=f"{path}.email")
    return problems


def check_person(data: dict[str, Any], *, path: str, today: date,
                 context: CheckContext | None = None) -> list[Problem]:
    """A person in charge or a website leader: name, certificate, residence, phones, e-mail."""
    context = context or default_context()
    if not isinstance(data, dict):
        raise MalformedInput(path, "expected an object")
    problems, certificate_type = _check_identity(data, path=path, holder=codes.PERSON_HOLDER, today=today,
                                                 context=context)
    if (name := _text(data, "name", f"{path}.name")) is not None:
        problems[:0] = check_person_name(name, path=f"{path}.name", certificate_type=certificate_type,
                                         keywords=context.keywords)
    return problems + _check_contacts(data, path=path, address_key="residence", context=context)


def check_sponsor(data: dict[str, Any], *, path: str = "sponsor", today: date,
                  context: CheckContext | None = None, website_name: str | None = None) -> list[Problem]:
    context = context or default_context()
    if not isinstance(data, dict):
        raise MalformedInput(path, "expected an object")
    sponsor_type = _code(data, "type", f"{path}.type", codes.SPONSOR_TYPES)
    problems, certificate_type = _check_identity(data, path=path, holder=sponsor_type, today=today,
                                                 context=context)
    if (name := _text(data, "name", f"{path}.name")) is not None:
        problems[:0] = check_sponsor_name(name, path=f"{path}.name", keywords=context.keywords,
                                          sponsor_type=sponsor_type, certificate_type=certificate_type,
                                          website_name=website_name)
    problems += _check_contacts(data, path=path, address_key="address", context=context)
    person = _object(data, "person_in_charge", f"{path}.person_in_charge")
    if person is not None:
        problems += check_person(person, path=f"{path}.person_in_charge", today=today, context=context)
    return problems


def _service_type_fits(service_type: str, sponsor_type: str) -> bool:
    if sponsor_type == "individual":
        return service_type not in ("company_portal", "government_portal")
    return service_type != "government_portal" or sponsor_type == "government"


def check_website(data: dict[str, Any], *, path: str = "website", today: date,
                  context: CheckContext | None = None, sponsor_type: str | None = None,
                  sponsor_name: str | None = None, kind: str | None = None) -> list[Problem]:
    """`sponsor_type` and `sponsor_name` (registered name) are the sponsor's, for the cross-field
    naming rules; `kind` is one of codes.APPLICATION_KINDS (None: a new website)."""
    context = context or default_context()
    if kind is not None and kind not in codes.APPLICATION_KINDS:
        raise UnknownCode("kind", kind, codes.APPLICATION_KINDS)
    if not isinstance(data, dict):
        raise MalformedInput(path, "expected an object")
    problems: list[Problem] = []
    approvals_list = _codes(data, "pre_approvals", f"{path}.pre_approvals", codes.PRE_APPROVALS)
    approvals = None if approvals_list is None else frozenset(approvals_list)
    if (name := _text(data, "name", f"{path}.name")) is not None:
        problems += check_website_name(name, path=f"{path}.name", keywords=context.keywords,
                                       sponsor_type=sponsor_type, sponsor_name=sponsor_name,
                                       pre_approvals=approvals)
    for index, domain in enumerate(_texts(data, "domains", f"{path}.domains") or ()):
        problems += check_domain(domain, path=f"{path}.domains[{index}]", pre_approvals=approvals,
                                 context=context)
    for index, address in enumerate(_texts(data, "ips", f"{path}.ips") or ()):
        problems += check_ip(address, path=f"{path}.ips[{index}]")
    if (icp := _text(data, "icp_number", f"{path}.icp_number")) is not None:
        problems += check_icp_number(icp, path=f"{path}.icp_number")
    opened_on = _date(data, "opened_on", f"{path}.opened_on")
    first_filing = kind in (None, codes.NEW_WEBSITE)
    if first_filing and opened_on is not None and today - opened_on > timedelta(days=LATE_FILING_DAYS):
        problems.append(problem("filing.late", f"{path}.opened_on", opened_on=opened_on.isoformat()))
    service_types = _codes(data, "service_types", f"{path}.service_types", codes.SERVICE_TYPES)
    if sponsor_type is not None:
        problems += [problem("service_type.nature_mismatch", f"{path}.service_types[{index}]",
                             service_type=service_type, sponsor_type=sponsor_type)
                     for index, service_type in enumerate(service_types or ())
                     if not _service_type_fits(service_type, sponsor_type)]
    problems += _check_interactive(data, path=path, approvals=approvals)
    if _flag(data, "agreement_accepted", f"{path}.agreement_accepted") is False:
        problems.append(problem("agreement.not_accepted", f"{path}.agreement_accepted"))
    return problems


def _check_interactive(data: dict[str, Any], *, path: str, approvals: frozenset[str] | None) -> list[Problem]:
    interactive = _flag(data, "interactive", f"{path}.interactive")
    services = _codes(data, "interactive_services", f"{path}.interactive_services",
                      codes.INTERACTIVE_SERVICES)
    if services is None:
        return []
    inconsistent = {"pre_approval": codes.BBS_APPROVAL}
    if (interactive is True and not services) or (interactive is False and services):
        return [problem("interactive.inconsistent", f"{path}.interactive_services", **inconsistent)]
    if approvals is not None and codes.BBS_APPROVAL not in approvals and "forum" in services:
        return [problem("interactive.inconsistent", f"{path}.interactive_services[{services.index('forum')}]",
                        **inconsistent)]
    return []


def check_leaders(leaders: list[Any], *, path: str = "leaders", today: date,
                  context: CheckContext | None = None) -> list[Problem]:
    context = context or default_context()
    problems: list[Problem] = []
    for index, leader in enumerate(leaders):
        leader_path = f"{path}[{index}]"
        if not isinstance(leader, dict):
            raise MalformedInput(leader_path, "expected an object")
        _code(leader, "role", f"{leader_path}.role", codes.LEADER_ROLES)
        problems += check_person(leader, path=leader_path, today=today, context=context)
        certificate_type, number = leader.get("certificate_type"), leader.get("certificate_number")
        if (certificate_type is not None and number is not None
                and identifiers.is_valid_certificate(certificate_type, number, today=today)):
            normalized = identifiers.normalize_certificate_number(number, certificate_type)
            count = context.leader_website_count(certificate_type, normalized)
            if count > LEADER_WEBSITE_LIMIT:
                problems.append(problem("leader.same_as_many", f"{leader_path}.certificate_number",
                                        count=count))
    return problems


def check_filing(data: dict[str, Any], *, today: date, context: CheckContext | None = None) -> list[Problem]:
    """All rules of SPEC §7 on a §7.1 document; problems in document order. `today` is the local
    (China Standard Time) date of the check. Raises MalformedInput or UnknownCode, nothing else."""
    context = context or default_context()
    if not isinstance(data, dict):
        raise MalformedInput("", "expected a JSON object")
    kind = _code(data, "kind", "kind", codes.APPLICATION_KINDS)
    sponsor = _object(data, "sponsor", "sponsor")
    website = _object(data, "website", "website")
    leaders = _list(data, "leaders", "leaders")
    sponsor_type = sponsor_name = None
    if sponsor is not None:
        sponsor_type = _code(sponsor, "type", "sponsor.type", codes.SPONSOR_TYPES)
        sponsor_name = _text(sponsor, "name", "sponsor.name")
    website_name = _text(website, "name", "website.name") if website is not None else None
    problems: list[Problem] = []
    if sponsor is not None:
        problems += check_sponsor(sponsor, today=today, context=context, website_name=website_name)
    if website is not None:
        problems += check_website(website, today=today, context=context, sponsor_type=sponsor_type,
                                  sponsor_name=sponsor_name, kind=kind)
    if leaders is not None:
        problems += check_leaders(leaders, today=today, context=context)
    return problems
