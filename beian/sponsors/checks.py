"""The sponsor entity asked against the rule catalogue (beian.rules, SPEC §7), one way for the form,
the submission and the reviewer's findings.

An entity is described by a flat dict of form-field names (`values`), turned into the "sponsor" part
of the SPEC §7.1 document; problems come back with their dotted paths, which `FORM_FIELD` maps to
form fields (for messages next to them).
"""

from datetime import date

from django.utils import timezone
from django.utils.translation import get_language

from beian.core.rule_context import check_context
from beian.rules import Problem, Severity, check_sponsor, message_for

# §7.1 path → form field.
FORM_FIELD = {
    "sponsor.type": "sponsor_type",
    "sponsor.name": "name",
    "sponsor.certificate_type": "certificate_type",
    "sponsor.certificate_number": "certificate_number",
    "sponsor.certificate_valid_until": "certificate_valid_until",
    "sponsor.address": "address",
    "sponsor.person_in_charge.name": "person_name",
    "sponsor.person_in_charge.certificate_type": "person_certificate_type",
    "sponsor.person_in_charge.certificate_number": "person_certificate_number",
    "sponsor.person_in_charge.residence": "person_residence",
    "sponsor.person_in_charge.office_phone": "office_phone",
    "sponsor.person_in_charge.mobile": "mobile",
    "sponsor.person_in_charge.email": "email",
    # Return reasons may name the contacts at the sponsor level of §7.1; this form asks them once.
    "sponsor.office_phone": "office_phone",
    "sponsor.mobile": "mobile",
    "sponsor.email": "email",
}
_PERSON_KEYS = {"person_name": "name", "person_certificate_type": "certificate_type",
                "person_certificate_number": "certificate_number", "person_residence": "residence",
                "office_phone": "office_phone", "mobile": "mobile", "email": "email"}


def _present(value) -> bool:
    return value not in (None, "")


def sponsor_document(values: dict) -> dict:
    """The §7.1 "sponsor" object of the given values (missing values are left out, so only what is
    there is checked). An individual is their own person in charge: their name and certificate are
    checked once, as the sponsor's."""
    sponsor = {"type": values.get("sponsor_type"), "name": values.get("name"),
               "certificate_type": values.get("certificate_type"),
               "certificate_number": values.get("certificate_number"), "address": values.get("address")}
    valid_until = values.get("certificate_valid_until")
    if isinstance(valid_until, date) and not values.get("certificate_long_term"):
        sponsor["certificate_valid_until"] = valid_until.isoformat()
    person_keys = dict(_PERSON_KEYS)
    if values.get("sponsor_type") == "individual":
        for key in ("person_name", "person_certificate_type", "person_certificate_number"):
            person_keys.pop(key)
    person = {target: values.get(source) for source, target in person_keys.items()}
    sponsor["person_in_charge"] = {key: value for key, value in person.items() if _present(value)}
    return {key: value for key, value in sponsor.items() if _present(value)}


def problems_for(values: dict, *, today: date | None = None) -> list[Problem]:
    today = today or timezone.localdate()
    return check_sponsor(sponsor_document(values), today=today, context=check_context())


def entity_values(entity, identity=None) -> dict:
    """The values of a stored entity (with another identity, e.g. a proposed change, when given)."""
    source = identity or entity
    return {
        "sponsor_type": source.sponsor_type.code if source.sponsor_type_id else None,
        "name": source.name,
        "certificate_type": source.certificate_type.code if source.certificate_type_id else None,
        "certificate_number": source.certificate_number,
        "certificate_valid_until": source.certificate_valid_until,
        "certificate_long_term": source.certificate_long_term,
        "investor": entity.investor,
        "division": entity.division_id,
        "address": entity.address,
        "person_name": entity.person_name,
        "person_certificate_type": (entity.person_certificate_type.code
                                    if entity.person_certificate_type_id else None),
        "person_certificate_number": entity.person_certificate_number,
        "person_residence": entity.person_residence,
        "office_phone": entity.office_phone,
        "mobile": entity.mobile,
        "email": entity.email,
    }


def stored_findings(problems: list[Problem]) -> list[dict]:
    """What is kept with the submission: rule, severity, field, params (messages are made when shown,
    in the reader's language)."""
    return [problem.as_dict() for problem in problems]


def errors(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity == Severity.ERROR]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity == Severity.WARNING]


def described(findings: list[dict], language: str | None = None) -> list[dict]:
    """Stored findings with their message in the reader's language."""
    language = language or get_language() or "zh-hans"
    described_findings = []
    for finding in findings:
        problem = Problem(finding["rule"], Severity(finding["severity"]), finding.get("field", ""),
                          finding.get("params") or {})
        described_findings.append({**finding, "message": message_for(problem, language)})
    return described_findings
