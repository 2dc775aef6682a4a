"""What a check reports: `Problem`s, and the catalogue of rules (SPEC §7).

Each rule has a stable id (the API contract), a default severity and an English message template.
The template is also the gettext msgid of its Chinese translation (see `messages.py`); its
`{placeholders}` are filled from `Problem.params`. A rule whose severity depends on the sponsor
(an error for one, a warning the reviewer judges for another) may say what to do differently when
it is only a warning (`warning_message`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


class Severity(enum.StrEnum):
    ERROR = "error"  # blocks submission
    WARNING = "warning"  # shown to the reviewer


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    message: str  # English template and gettext msgid
    warning_message: str | None = None  # the same finding at warning severity, when it needs other words

    def message_for(self, severity: Severity) -> str:
        if severity == Severity.WARNING and self.warning_message:
            return self.warning_message
        return self.message


@dataclass(frozen=True)
class Problem:
    rule: str
    severity: Severity
    field: str  # dotted path in the §7.1 document, e.g. "website.domains[0]"
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": str(self.severity), "field": self.field,
                "params": dict(self.params)}


def _rule(rule_id: str, severity: Severity, message: str,
          warning_message: str | None = None) -> tuple[str, Rule]:
    return rule_id, Rule(rule_id, severity, message, warning_message)


E, W = Severity.ERROR, Severity.WARNING

RULES: MappingProxyType[str, Rule] = MappingProxyType(dict([
    _rule("certificate.invalid", E,
          "This is not a valid {certificate_type} number: the format or the check character is wrong. "
          "Copy the number exactly as printed on the certificate."),
    _rule("certificate.type_not_allowed", E,
          "A {certificate_type} cannot identify a {holder}. Use one of: {allowed}."),
    _rule("certificate.category_mismatch", E,
          "This unified social credit code (category {category}) belongs to a {settled_type}, "
          "not to a {sponsor_type}. Choose the right sponsor type or check the code."),
    _rule("certificate.expired", E,
          "The certificate is valid only until {valid_until}. A filing needs a valid certificate: "
          "renew it and enter the new certificate and its validity."),
    _rule("resident_id.unknown_region", W,
          "The address code {region} of this resident ID is not in the division table. "
          "Check the number; if the code is new, the reviewer will confirm it."),
    _rule("sponsor_name.is_domain", E,
          "Enter the sponsor's name as on the certificate, not a domain name or web address."),
    _rule("sponsor_name.not_a_name", E,
          "This is not a sponsor name: enter the full name as on the certificate, "
          "not only digits, letters or symbols, and not the website name."),
    _rule("sponsor_name.nature_mismatch", E,
          "The name does not fit the sponsor type {sponsor_type}. "
          "Choose the right sponsor type or enter the name exactly as on the certificate."),
    _rule("person_name.placeholder", E,
          "Enter the person's real full name as on the certificate. Forms of address and "
          "placeholders (such as 王先生, Mr. Wang, Miss Li, 某某, 本人, 测试) and digits or Latin letters "
          "in a Chinese name are not accepted."),
    _rule("phone.invalid", E,
          "Enter a mainland telephone number with its area code (such as 010-12345678) or a mobile number."),
    _rule("phone.fake", E,
          "This number does not look real (one repeated digit or a run such as 12345678). "
          "Enter a number on which the person can really be reached."),
    _rule("mobile.invalid", E,
          "Enter a mainland mobile number of 11 digits (such as 13812345678)."),
    _rule("email.invalid", E,
          "Enter a valid e-mail address, such as name@example.cn."),
    _rule("address.not_detailed", E,
          "The address is not detailed enough: in a town give the street number (号) or the mailbox (信箱), "
          "in the countryside the village (村/组)."),
    _rule("upload.invalid", E,
          "The file must be a real JPEG or PNG image of at most {max_kb} KB. "
          "Scan or photograph the document again and upload it as JPEG or PNG."),
    _rule("website_name.is_domain", E,
          "Give the website a name that describes it, not a domain name or web address."),
    _rule("website_name.company_for_individual", E,
          "The website of an individual cannot be named like a company ({word}). "
          "Choose another name, or file as an enterprise."),
    # An error for enterprises, individuals and the military; a warning for public institutions and
    # social organisations, which the government may authorise to handle public affairs (names.py).
    _rule("website_name.government_words", E,
          "Only government agencies, and the institutions they authorise, may use the public-affairs "
          "word “{word}” in a website name. Choose another name.",
          "The public-affairs word “{word}” may be used only by government agencies and the institutions "
          "they authorise. The reviewer will check the sponsor's authorisation: keep the document ready."),
    _rule("website_name.national_prefix", E,
          "Only national organisations, whose registered name begins with 中国, 中华 or the like, may use "
          "“{word}” in a website name, and begin it only with the prefix their own name begins with "
          "(中国移动通信集团有限公司: 中国移动网上营业厅). Choose another name, or enter the sponsor's "
          "name exactly as registered."),
    _rule("website_name.needs_pre_approval", E,
          "The website name contains “{keyword}”, which needs the {pre_approval} pre-approval. "
          "Declare that pre-approval with its document number, or choose another name."),
    _rule("website_name.forum_without_approval", E,
          "The website name contains “{keyword}”: a forum needs the {pre_approval} approval. "
          "Declare it with its document number, or choose another name."),
    _rule("website_name.not_a_name", E,
          "The website name must describe the website in words, "
          "not only digits, Latin letters or symbols."),
    _rule("domain.invalid", E,
          "“{value}” is not a valid domain name. Enter only the domain (such as example.cn), "
          "without http://, a path or a port."),
    _rule("domain.bbs_needs_approval", E,
          "The domain {domain} contains “bbs”, so it is a forum: declare the {pre_approval} approval "
          "or remove the domain."),
    _rule("domain.already_filed", E,
          "The domain {domain} already has a filing (filed or under review). "
          "See “filings under review” or “filed websites”: a domain is filed only once."),
    _rule("ip.invalid", E,
          "“{value}” is not an IP address or range. Enter one IPv4 or IPv6 address, or a range "
          "start-end of one family with the start first and at most 65,536 addresses."),
    _rule("ip.not_public", E,
          "{value} is a private, loopback, link-local, reserved or multicast address. "
          "Enter the public IP address of the website."),
    _rule("icp_number.invalid", E,
          "Enter the ICP record number exactly as issued by the MIIT, such as 京ICP备12345678号-1."),
    _rule("service_type.nature_mismatch", E,
          "The service type {service_type} does not fit the sponsor type {sponsor_type}. "
          "Choose another service type."),
    _rule("interactive.inconsistent", E,
          "The interactive services and the interactive answer disagree: with “yes” choose at least one "
          "interactive service, with “no” none; a forum also needs the {pre_approval} approval."),
    _rule("agreement.not_accepted", E,
          "Read the security-protection notice and tick “I have read the information network security "
          "protection scheme” before submitting."),
    _rule("filing.late", W,
          "The website opened on {opened_on}, more than 30 days ago: the filing was due within 30 days "
          "of opening (MPS Order No. 33, Article 12). It is accepted and marked late."),
    _rule("leader.same_as_many", W,
          "This person already leads {count} websites of other sponsors. "
          "The reviewer will check that the person is really responsible for this website."),
]))


def problem(rule_id: str, field_path: str, severity: Severity | None = None, **params: Any) -> Problem:
    """Build a problem of a catalogued rule, with its default severity unless told otherwise."""
    rule = RULES[rule_id]
    return Problem(rule_id, severity or rule.severity, field_path, params)
