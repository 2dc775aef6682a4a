"""A website application asked against the rule catalogue (beian.rules, SPEC §7): one way for the live
field checks, the check-your-answers page, the submission and the reviewer's findings.

The application becomes the "website" and "leaders" parts of the §7.1 document; problems come back
with dotted paths, which `form_field_of` maps to the wizard's fields. Completeness (what must be
filled before submission) is checked here too, as problems of the rule "required" (ADR 0052).
"""

import re
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from beian.core import pii
from beian.core.rule_context import check_context
from beian.filings.models import DomainHold, LeaderDocument, WebsiteApplication, WebsiteLeader
from beian.rules import (
    Problem,
    Severity,
    check_leaders,
    check_website,
    normalize_certificate_number,
    normalize_domain,
)
from beian.sponsors.checks import described, errors, stored_findings, warnings

__all__ = ["application_problems", "described", "errors", "form_field_of", "missing_fields",
           "step_of_field", "stored_findings", "warnings"]

LEADER_ROLES = [WebsiteLeader.Role.SECURITY_LEADER, WebsiteLeader.Role.EMERGENCY_CONTACT]
_WEBSITE_FIELDS = {
    "name": "name", "ips": "ips", "icp_number": "icp_number", "opened_on": "opened_on",
    "service_types": "service_types", "interactive": "interactive",
    "interactive_services": "interactive_services", "pre_approvals": "pre_approvals",
    "agreement_accepted": "agreement_accepted",
}
_LEADER_FIELDS = {"name": "name", "certificate_type": "certificate_type",
                  "certificate_number": "certificate_number", "mobile": "mobile",
                  "office_phone": "office_phone", "email": "email"}
LEADER_PREFIX = {WebsiteLeader.Role.SECURITY_LEADER: "security", WebsiteLeader.Role.EMERGENCY_CONTACT:
                 "emergency"}
STEP_FIELDS = {
    "basic": ("name", "home_url", "has_own_domain", "main_domain", "other_domains", "ips", "icp_number",
              "opened_on", "access_provider", "access_provider_region", "registrar", "hosting",
              "service_types", "interactive", "interactive_services", "controlled_goods", "pre_approvals",
              "languages"),
    "prompt": ("agreement_accepted",),
}


def form_field_of(path: str) -> str:
    """"website.domains[0]" → "main_domain", "leaders[1].mobile" → "emergency_mobile" …"""
    match = re.fullmatch(r"website\.domains\[(\d+)\]", path)
    if match:
        return "main_domain" if match[1] == "0" else "other_domains"
    match = re.fullmatch(r"website\.(\w+)(?:\[\d+\])?", path)
    if match:
        return _WEBSITE_FIELDS.get(match[1], match[1])
    match = re.fullmatch(r"leaders\[(\d)\]\.(\w+)", path)
    if match and int(match[1]) < len(LEADER_ROLES):
        return f"{LEADER_PREFIX[LEADER_ROLES[int(match[1])]]}_{_LEADER_FIELDS.get(match[2], match[2])}"
    return path


def step_of_field(field: str) -> str:
    for step, fields in STEP_FIELDS.items():
        if field in fields:
            return step
    return "leaders" if field.startswith(("security_", "emergency_")) else "basic"


def website_document(application: WebsiteApplication, *, domains=None, pre_approvals=None) -> dict:
    domains = list(application.domain_list if domains is None else domains)
    if pre_approvals is None:
        pre_approvals = [declared.pre_approval.code for declared in application.pre_approvals.all()]
    document = {
        "name": application.name or None, "domains": domains, "ips": list(application.ips),
        "icp_number": application.icp_number or None,
        "opened_on": application.opened_on.isoformat() if application.opened_on else None,
        "service_types": list(application.service_types), "interactive": application.interactive,
        "interactive_services": list(application.interactive_services), "pre_approvals": list(pre_approvals),
    }
    if application.agreement_accepted_at is None and application.status != application.Status.DRAFT:
        document["agreement_accepted"] = False
    return {key: value for key, value in document.items() if value is not None}


def leader_documents(leaders: list) -> list[dict]:
    """Leaders in role order (security leader first); a missing leader is an empty object."""
    by_role = {leader.role: leader for leader in leaders}
    documents = []
    for role in LEADER_ROLES:
        leader = by_role.get(role)
        document = {"role": str(role)}
        if leader is not None:
            document.update(name=leader.name, mobile=leader.mobile, office_phone=leader.office_phone,
                            email=leader.email,
                            certificate_type=leader.certificate_type.code if leader.certificate_type else "",
                            certificate_number=leader.certificate_number)
        documents.append({key: value for key, value in document.items() if value not in ("", None)})
    return documents


def lookups_for(application: WebsiteApplication) -> dict:
    """The database answers of `domain.already_filed` and `leader.same_as_many` for this application."""

    own = set(domains_of_filed_website(application))

    def domain_already_filed(ascii_domain: str) -> bool:
        if ascii_domain in own:
            return False
        return DomainHold.objects.filter(name=ascii_domain).exclude(application=application).exists()

    def leader_website_count(certificate_type: str, number: str) -> int:
        # Every key's hash: a leader not yet moved onto the newest key still holds an older one.
        hashes = pii.search_hashes(certificate_type, normalize_certificate_number(number, certificate_type))
        active = [*WebsiteApplication.UNDER_REVIEW, WebsiteApplication.Status.APPROVED]
        return (WebsiteApplication.objects.filter(status__in=active, leaders__certificate_hash__in=hashes)
                .exclude(sponsor_id=application.sponsor_id).distinct().count())

    return {"domain_already_filed": domain_already_filed, "leader_website_count": leader_website_count}


def application_problems(application: WebsiteApplication, *, today: date | None = None,
                         website: dict | None = None, leaders: list | None = None) -> list[Problem]:
    """Every rule finding of the application (or of the given documents, for a live check)."""
    today = today or timezone.localdate()
    context = check_context(**lookups_for(application))
    sponsor = application.sponsor
    sponsor_type = sponsor.sponsor_type.code if sponsor.sponsor_type_id else None
    website = website_document(application) if website is None else website
    leaders = leader_documents(list(application.leaders.all())) if leaders is None else leaders
    # The kind: a claim of an offline filing (or a change) is not a late first filing.
    return (check_website(website, today=today, context=context, sponsor_type=sponsor_type,
                          sponsor_name=sponsor.name or None, kind=application.kind)
            + check_leaders(leaders, today=today, context=context))


def missing_fields(application: WebsiteApplication) -> list[dict]:
    """Required answers not given yet: [{"field": form field, "label": text}] in wizard order."""
    missing = []

    def need(condition, field, label):
        if not condition:
            missing.append({"field": field, "step": step_of_field(field), "label": label})

    need(application.name, "name", _("website name"))
    if application.has_own_domain:
        need(application.domain_list, "main_domain", _("main domain"))
    else:
        need(application.home_url or application.ips, "home_url", _("home page URL or IP address"))
    need(application.ips, "ips", _("IP addresses"))
    need(application.opened_on, "opened_on", _("opening date"))
    need(application.access_provider, "access_provider", _("network access provider"))
    need(application.hosting, "hosting", _("hosting method"))
    need(application.service_types, "service_types", _("service types"))
    need(application.interactive is not None, "interactive", _("interactive services"))
    need(application.controlled_goods is not None, "controlled_goods", _("controlled goods"))
    need(application.languages, "languages", _("languages"))
    for declared in application.pre_approvals.all():
        code = declared.pre_approval.code
        need(declared.document_number, f"pre_approval_number_{code}",
             _("approval document number of %(name)s") % {"name": declared.pre_approval.name})
        need(declared.scan, f"pre_approval_scan_{code}",
             _("scan of the approval of %(name)s") % {"name": declared.pre_approval.name})
    leaders = {leader.role: leader for leader in application.leaders.all()}
    for role in LEADER_ROLES:
        leader, prefix = leaders.get(role), LEADER_PREFIX[role]
        for name, label in (("name", _("name")), ("certificate_number", _("certificate number")),
                            ("mobile", _("mobile phone")), ("office_phone", _("office telephone")),
                            ("email", _("e-mail"))):
            need(leader is not None and getattr(leader, name), f"{prefix}_{name}",
                 f"{role.label}: {label}")
    photos = set(application.leader_documents.values_list("kind", flat=True))
    for kind, label in LeaderDocument.Kind.choices:
        need(kind in photos, f"security_photo_{kind}", label)
    need(application.agreement_accepted_at, "agreement_accepted",
         _("acceptance of the security-protection notice"))
    return missing


def domains_of_filed_website(application: WebsiteApplication) -> list[str]:
    """For a change: the domains its website holds now (they stay the website's own)."""
    if not application.website_id:
        return []
    website = application.website
    holder = website.current_application_id or website.application_id
    return list(DomainHold.objects.filter(application_id=holder).values_list("name", flat=True))


def held_domain_names(domains: list[str]) -> list[str]:
    """A-labels of the valid domains (invalid ones are reported by the rules)."""
    names = []
    for domain in domains:
        ascii_name = normalize_domain(domain)
        if ascii_name and ascii_name not in names:
            names.append(ascii_name)
    return names


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.severity == Severity.ERROR for problem in problems)


def website_document_from_step(data: dict) -> dict:
    """The §7.1 "website" object of the basic step's (unsaved) answers, for the live check."""
    domains = [data.get("main_domain") or "", *data.get("other_domains", [])] if data.get(
        "has_own_domain", True) else []
    opened_on = data.get("opened_on")
    document = {
        "name": data.get("name") or None, "domains": [domain for domain in domains if domain.strip()],
        "ips": list(data.get("ips", [])), "icp_number": data.get("icp_number") or None,
        "opened_on": opened_on.isoformat() if opened_on else None,
        "service_types": list(data.get("service_types") or []), "interactive": data.get("interactive"),
        "interactive_services": list(data.get("interactive_services") or []),
        "pre_approvals": [row.code for row in data.get("pre_approvals", {})],
    }
    return {key: value for key, value in document.items() if value is not None}


def leader_documents_from_step(data: dict, sponsor) -> list[dict]:
    documents = []
    for role in LEADER_ROLES:
        values = data.get(LEADER_PREFIX[role]) or {}
        if values.get("same_as_person_in_charge"):
            values = {"name": sponsor.person_name, "certificate_number": sponsor.person_certificate_number,
                      "certificate_type": sponsor.person_certificate_type, "mobile": sponsor.mobile,
                      "office_phone": sponsor.office_phone, "email": sponsor.email}
        certificate_type = values.get("certificate_type")
        document = {"role": str(role), "name": values.get("name"), "mobile": values.get("mobile"),
                    "office_phone": values.get("office_phone"), "email": values.get("email"),
                    "certificate_type": certificate_type.code if certificate_type else None,
                    "certificate_number": values.get("certificate_number")}
        documents.append({key: value for key, value in document.items() if value not in ("", None)})
    return documents


def findings_by_field(problems: list[Problem], language=None) -> dict[str, list[dict]]:
    by_field: dict[str, list[dict]] = {}
    for finding in described(stored_findings(problems), language):
        by_field.setdefault(form_field_of(finding["field"]), []).append(finding)
    return by_field
