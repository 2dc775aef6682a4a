"""One table, every rule of SPEC §7: an input that triggers it and a near miss that must not."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from PIL import Image

from beian.rules import RULES, CheckContext, Problem, Severity, check_filing, check_image

from .samples import ENTERPRISE_USCC, GOVERNMENT_USCC, LEADER_ID, PERSON_ID, TODAY, resident_id

# SPEC §7, hard-coded on purpose: the catalogue must not drift from the specification.
SPEC_RULES = {
    "certificate.invalid": "error", "certificate.type_not_allowed": "error",
    "certificate.category_mismatch": "error", "certificate.expired": "error",
    "resident_id.unknown_region": "warning", "sponsor_name.is_domain": "error",
    "sponsor_name.not_a_name": "error", "sponsor_name.nature_mismatch": "error",
    "person_name.placeholder": "error", "phone.invalid": "error", "phone.fake": "error",
    "mobile.invalid": "error", "email.invalid": "error", "address.not_detailed": "error",
    "upload.invalid": "error", "website_name.is_domain": "error",
    "website_name.company_for_individual": "error", "website_name.government_words": "error",
    "website_name.national_prefix": "error", "website_name.needs_pre_approval": "error",
    "website_name.forum_without_approval": "error", "website_name.not_a_name": "error",
    "domain.invalid": "error", "domain.bbs_needs_approval": "error", "domain.already_filed": "error",
    "ip.invalid": "error", "ip.not_public": "error", "icp_number.invalid": "error",
    "service_type.nature_mismatch": "error", "interactive.inconsistent": "error",
    "agreement.not_accepted": "error", "filing.late": "warning", "leader.same_as_many": "warning",
}


@dataclass(frozen=True)
class Case:
    rule: str
    field: str
    trigger: dict[str, Any]
    near_miss: dict[str, Any]
    context: CheckContext = field(default_factory=CheckContext)


def sponsor(**values: Any) -> dict[str, Any]:
    return {"sponsor": values}


def website(**values: Any) -> dict[str, Any]:
    return {"website": values}


def person(**values: Any) -> dict[str, Any]:
    return {"sponsor": {"person_in_charge": values}}


def leader(**values: Any) -> dict[str, Any]:
    return {"leaders": [{"role": "security_leader", **values}]}


def enterprise_site(**values: Any) -> dict[str, Any]:
    return {"sponsor": {"type": "enterprise"}, "website": values}


def individual_site(**values: Any) -> dict[str, Any]:
    return {"sponsor": {"type": "individual"}, "website": values}


BAD_USCC = ENTERPRISE_USCC[:-1] + ("0" if ENTERPRISE_USCC[-1] != "0" else "1")
UNKNOWN_REGION_ID = resident_id("99010119800101123")  # 99…: no such division

CASES = [
    Case("certificate.invalid", "sponsor.certificate_number",
         sponsor(type="enterprise", certificate_type="uscc", certificate_number=BAD_USCC),
         sponsor(type="enterprise", certificate_type="uscc", certificate_number=ENTERPRISE_USCC)),
    Case("certificate.type_not_allowed", "sponsor.certificate_type",
         sponsor(type="enterprise", certificate_type="resident_id", certificate_number=PERSON_ID),
         sponsor(type="individual", certificate_type="resident_id", certificate_number=PERSON_ID)),
    Case("certificate.category_mismatch", "sponsor.certificate_number",
         sponsor(type="enterprise", certificate_type="uscc", certificate_number=GOVERNMENT_USCC),
         sponsor(type="government", certificate_type="uscc", certificate_number=GOVERNMENT_USCC)),
    Case("certificate.expired", "sponsor.certificate_valid_until",
         sponsor(certificate_valid_until="2026-11-19"), sponsor(certificate_valid_until="2027-03-01")),
    Case("resident_id.unknown_region", "sponsor.person_in_charge.certificate_number",
         person(certificate_type="resident_id", certificate_number=UNKNOWN_REGION_ID),
         person(certificate_type="resident_id", certificate_number=PERSON_ID)),
    Case("sponsor_name.is_domain", "sponsor.name",
         sponsor(type="enterprise", name="yunjing.cn"),
         sponsor(type="enterprise", name="杭州云景科技有限公司")),
    Case("sponsor_name.not_a_name", "sponsor.name",
         sponsor(type="enterprise", name="123456"),
         sponsor(type="enterprise", name="杭州一二三科技有限公司")),
    Case("sponsor_name.nature_mismatch", "sponsor.name",
         sponsor(type="institution", name="杭州云景科技有限公司"),
         sponsor(type="institution", name="杭州市第二中学")),
    Case("person_name.placeholder", "sponsor.person_in_charge.name",
         person(name="王先生"), person(name="王先生明")),
    Case("phone.invalid", "sponsor.office_phone",
         sponsor(office_phone="010-1234"), sponsor(office_phone="010-62345678")),
    Case("phone.fake", "sponsor.office_phone",
         sponsor(office_phone="021-88888888"), sponsor(office_phone="021-88886666")),
    Case("mobile.invalid", "leaders[0].mobile", leader(mobile="12912345670"), leader(mobile="13800138000")),
    Case("email.invalid", "sponsor.email", sponsor(email="info@yunjing"), sponsor(email="info@yunjing.cn")),
    Case("address.not_detailed", "sponsor.person_in_charge.residence",
         person(residence="北京市朝阳区建国路"), person(residence="北京市朝阳区建国路 88 号")),
    Case("website_name.is_domain", "website.name", website(name="www.yunjing.cn"), website(name="云景科技")),
    Case("website_name.company_for_individual", "website.name",
         individual_site(name="张三科技有限公司"), individual_site(name="张三的摄影博客")),
    Case("website_name.government_words", "website.name",
         enterprise_site(name="云景公安服务网"),
         {"sponsor": {"type": "government"}, "website": {"name": "杭州市公安局"}}),
    Case("website_name.national_prefix", "website.name",
         enterprise_site(name="中国云景网"), enterprise_site(name="云景中国网")),
    Case("website_name.needs_pre_approval", "website.name",
         website(name="云景新闻网", pre_approvals=[]), website(name="云景新闻网", pre_approvals=["news"])),
    Case("website_name.forum_without_approval", "website.name",
         website(name="云景论坛", pre_approvals=["news"]), website(name="云景论坛", pre_approvals=["bbs"])),
    Case("website_name.not_a_name", "website.name", website(name="12306"), website(name="12306铁路服务")),
    Case("domain.invalid", "website.domains[1]",
         website(domains=["yunjing.cn", "http://yunjing.cn/"]), website(domains=["yunjing.cn", "例子.中国"])),
    Case("domain.bbs_needs_approval", "website.domains[0]",
         website(domains=["bbs.yunjing.cn"], pre_approvals=[]),
         website(domains=["bbs.yunjing.cn"], pre_approvals=["bbs"])),
    Case("domain.already_filed", "website.domains[0]",
         website(domains=["taken.cn"]), website(domains=["free.cn"]),
         CheckContext(domain_already_filed=lambda domain: domain == "taken.cn")),
    Case("ip.invalid", "website.ips[0]",
         website(ips=["47.96.10.9-47.96.10.1"]), website(ips=["47.96.10.1-47.96.10.9"])),
    Case("ip.not_public", "website.ips[0]", website(ips=["192.168.1.10"]), website(ips=["121.40.18.7"])),
    Case("icp_number.invalid", "website.icp_number",
         website(icp_number="京ICP证12345678号"), website(icp_number="京ICP备12345678号-1")),
    Case("service_type.nature_mismatch", "website.service_types[1]",
         individual_site(service_types=["personal_blog", "company_portal"]),
         individual_site(service_types=["personal_blog", "entertainment"])),
    Case("interactive.inconsistent", "website.interactive_services",
         website(interactive=True, interactive_services=[]),
         website(interactive=True, interactive_services=["comments"])),
    Case("agreement.not_accepted", "website.agreement_accepted",
         website(agreement_accepted=False), website(agreement_accepted=True)),
    Case("filing.late", "website.opened_on",
         website(opened_on="2026-10-20"), website(opened_on="2026-10-21")),
    Case("leader.same_as_many", "leaders[0].certificate_number",
         leader(certificate_type="resident_id", certificate_number=LEADER_ID),
         leader(certificate_type="resident_id", certificate_number=PERSON_ID),
         CheckContext(leader_website_count=lambda kind, number: 6 if number == LEADER_ID else 5)),
]


def png(size: tuple[int, int] = (40, 30)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(output, "PNG")
    return output.getvalue()


# upload.invalid is a check of bytes, not of the JSON document.
UPLOAD_CASES: list[tuple[str, Callable[[], bytes], Callable[[], bytes]]] = [
    ("upload.invalid", lambda: b"GIF89a not really", png),
]


def rules_of(problems: list[Problem]) -> set[tuple[str, str]]:
    return {(p.rule, p.field) for p in problems}


def test_catalogue_matches_the_specification_and_the_case_table():
    covered = {case.rule for case in CASES} | {rule for rule, _, _ in UPLOAD_CASES}
    assert len(SPEC_RULES) == 33
    assert set(RULES) == set(SPEC_RULES) == covered
    assert {rule_id: str(rule.severity) for rule_id, rule in RULES.items()} == SPEC_RULES


@pytest.mark.parametrize("case", CASES, ids=[case.rule for case in CASES])
def test_rule_triggers(case: Case):
    problems = check_filing(case.trigger, today=TODAY, context=case.context)
    assert (case.rule, case.field) in rules_of(problems)


@pytest.mark.parametrize("case", CASES, ids=[case.rule for case in CASES])
def test_near_miss_does_not_trigger(case: Case):
    problems = check_filing(case.near_miss, today=TODAY, context=case.context)
    assert case.rule not in {p.rule for p in problems}, problems


@pytest.mark.parametrize(("rule", "bad", "good"), UPLOAD_CASES)
def test_upload_rule(rule: str, bad: Callable[[], bytes], good: Callable[[], bytes]):
    found = check_image(bad())
    assert found is not None and found.rule == rule and found.severity is Severity.ERROR
    assert check_image(good()) is None
