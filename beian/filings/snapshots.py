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
from beian.filings.models import WebsiteApplication

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


def answers_snapshot(application, *, every_key: bool = False) -> dict:
    """The application's answers now, for storing and comparing later. `every_key` (for a comparison
    now, never stored) adds each certificate's hash under every key of the ring, so a snapshot stored
    before a key rotation still compares equal (ADR 0100)."""
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
        # The newest key's hash, made afresh: the stored one may be an older key's (ADR 0100).
        digest = pii.search_hash(leader.certificate_type.code, number) if number and leader.certificate_type \
            else leader.certificate_hash
        certificate = {"shown": f"{leader.certificate_type.name_zh if leader.certificate_type else ''} "
                                f"{pii.mask(number)}".strip(),
                       "hash": digest}
        if every_key and number and leader.certificate_type:
            certificate["hashes"] = pii.search_hashes(leader.certificate_type.code, number)
        for name, value in (("name", leader.name), ("certificate", certificate), ("mobile", leader.mobile),
                            ("office_phone", leader.office_phone), ("email", leader.email)):
            snapshot[f"{leader.role}.{name}"] = value
    return snapshot


def reindex_certificate_hashes(application) -> dict:
    """The application's snapshots with every certificate hash made under an older key replaced by
    the newest key's ({field: snapshot}, only those that change), for rotate_pii_keys. A snapshot
    keeps no number, so the numbers a hash may stand for are those still held: the application's
    leaders, those of the filed application a change started from, and the sponsor's. A hash of none
    of them (a number replaced everywhere since) stays as it is."""
    snapshots = {"base_snapshot": application.base_snapshot,
                 "returned_snapshot": application.returned_snapshot}
    if not any(isinstance(value, dict) and value.get("hash")
               for snapshot in snapshots.values() for value in snapshot.values()):
        return {}
    newest_of = {}
    for certificate_type, token in _certificates_held(application):
        hashes = pii.sealed_hashes(certificate_type.code, token) if certificate_type else []
        newest_of.update((digest, hashes[0]) for digest in hashes)
    updates = {}
    for name, snapshot in snapshots.items():
        reindexed = {key: {**value, "hash": newest_of[value["hash"]]}
                     if isinstance(value, dict) and value.get("hash") in newest_of else value
                     for key, value in snapshot.items()}
        if reindexed != snapshot:
            updates[name] = reindexed
    return updates


def _certificates_held(application):
    applications = [application]
    filed = application.website.data_application if application.website_id else None
    if filed is not None:
        applications.append(filed)
    for source in applications:
        for leader in source.leaders.select_related("certificate_type"):
            yield leader.certificate_type, leader.certificate_number_encrypted
    sponsor = application.sponsor
    yield sponsor.certificate_type, sponsor.certificate_number_encrypted
    yield sponsor.person_certificate_type, sponsor.person_certificate_number_encrypted


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
        if _same(old, new):
            continue
        changes.append(FieldChange(key=key, label=str(labels.get(key, key)), before=_display(key, old),
                                   after=_display(key, new)))
    return changes


def _same(old, new) -> bool:
    if isinstance(old, dict) and isinstance(new, dict) and old.get("hash") and new.get("hash"):
        return bool({old["hash"], *old.get("hashes", ())} & {new["hash"], *new.get("hashes", ())})
    return _comparable(old) == _comparable(new)


def _comparable(value):
    if isinstance(value, dict):
        return value.get("hash") or value.get("shown")
    return None if value in ("", [], None) else value

