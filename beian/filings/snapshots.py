"""The answers of an application as a flat, comparable record, and the field-by-field difference of
two of them (SPEC §4.5, §5): a reviewer sees what a change alters in the filed data, and what a
resubmission altered since it was returned.

A snapshot is stored as JSON ({key: value}); values are language-neutral (codes, not labels), so a
snapshot taken in Chinese reads in English too. Certificate numbers are never stored in clear: the
masked number is shown and a keyed hash tells whether the number changed.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from beian.core import pii
from beian.core.models import InteractiveService, ServiceType
from beian.filings.labels import LANGUAGES

LEADER_KEYS = {"security_leader": _("website security leader"), "emergency_contact": _("emergency contact")}
LEADER_FIELDS = (("name", _("name")), ("certificate", _("certificate")), ("mobile", _("mobile phone")),
                 ("office_phone", _("office telephone")), ("email", _("e-mail")))

# In the order the wizard asks (the third item: the §7.1 path, where there is one).
WEBSITE_FIELDS = (
    ("name", _("website name"), "website.name"),
    ("domains", _("domains"), "website.domains[0]"),
    ("home_url", _("home page URL"), ""),
    ("ips", _("IP addresses"), "website.ips"),
    ("icp_number", _("ICP record number"), "website.icp_number"),
    ("opened_on", _("opening date"), "website.opened_on"),
    ("access_provider", _("network access provider"), ""),
    ("access_provider_region", _("region of the access provider"), ""),
    ("registrar", _("domain registrar"), ""),
    ("hosting", _("hosting method"), ""),
    ("service_types", _("service types"), "website.service_types"),
    ("interactive", _("interactive services"), ""),
    ("interactive_services", _("which interactive services"), "website.interactive_services"),
    ("controlled_goods", _("controlled goods"), ""),
    ("pre_approvals", _("pre-approvals"), "website.pre_approvals"),
    ("languages", _("languages"), ""),
)


@dataclass(frozen=True)
class FieldChange:
    key: str
    label: str
    before: str
    after: str


def answers_snapshot(application) -> dict:
    """The application's answers now, for storing and comparing later."""
    snapshot = {
        "name": application.name, "domains": application.domain_list, "home_url": application.home_url,
        "ips": list(application.ips), "icp_number": application.icp_number,
        "opened_on": application.opened_on.isoformat() if application.opened_on else "",
        "access_provider": application.access_provider,
        "access_provider_region": application.access_provider_region.name_zh
        if application.access_provider_region_id else "",
        "registrar": application.registrar, "hosting": application.hosting,
        "service_types": list(application.service_types), "interactive": application.interactive,
        "interactive_services": list(application.interactive_services),
        "controlled_goods": application.controlled_goods,
        "pre_approvals": sorted(f"{declared.pre_approval.name_zh} {declared.document_number}".strip()
                                for declared in application.pre_approvals.select_related("pre_approval")),
        "languages": list(application.languages),
    }
    for leader in application.leaders.select_related("certificate_type"):
        number = leader.certificate_number
        certificate = {"shown": f"{leader.certificate_type.name_zh if leader.certificate_type else ''} "
                                f"{pii.mask(number)}".strip(),
                       "hash": leader.certificate_hash}
        for name, value in (("name", leader.name), ("certificate", certificate), ("mobile", leader.mobile),
                            ("office_phone", leader.office_phone), ("email", leader.email)):
            snapshot[f"{leader.role}.{name}"] = value
    return snapshot


def _labels() -> dict:
    labels = {key: label for key, label, _path in WEBSITE_FIELDS}
    for role, role_label in LEADER_KEYS.items():
        for name, label in LEADER_FIELDS:
            labels[f"{role}.{name}"] = f"{role_label}: {label}"
    return labels


def _display(key: str, value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, dict):  # a certificate
        return value.get("shown") or "—"
    if key in ("service_types", "interactive_services", "languages"):
        names = _code_names(key, value)
        return "、".join(str(names.get(code, code)) for code in value)
    if key == "hosting":
        from beian.filings.models import WebsiteApplication

        return str(dict(WebsiteApplication.Hosting.choices).get(value, value))
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    return str(value)


def _code_names(key: str, codes: list) -> dict:
    if key == "languages":
        return dict(LANGUAGES)
    model = ServiceType if key == "service_types" else InteractiveService
    return {row.code: row.name for row in model.objects.filter(code__in=codes)}


def differences(before: dict, after: dict) -> list[FieldChange]:
    """The fields whose value differs, in wizard order, with both values ready to show."""
    labels = _labels()
    keys = list(labels) + [key for key in {**before, **after} if key not in labels]
    changes = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        if _comparable(old) == _comparable(new):
            continue
        changes.append(FieldChange(key=key, label=str(labels.get(key, key)), before=_display(key, old),
                                   after=_display(key, new)))
    return changes


def _comparable(value):
    if isinstance(value, dict):
        return value.get("hash") or value.get("shown")
    return None if value in ("", [], None) else value

