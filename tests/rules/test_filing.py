"""check_filing on whole documents: clean filings, cross-field rules, input errors, fuzzing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beian.rules import CheckContext, Keywords, MalformedInput, Severity, UnknownCode, check_filing
from beian.rules.codes import (
    CERTIFICATE_TYPES,
    INTERACTIVE_SERVICES,
    PRE_APPROVALS,
    SERVICE_TYPES,
    SPONSOR_TYPES,
)

from .samples import FILING, GOVERNMENT_USCC, PERSON_ID, TODAY, filing, resident_id


def found(document: dict, **kwargs) -> list[tuple[str, str, str]]:
    return [(p.rule, p.field, str(p.severity)) for p in check_filing(document, today=TODAY, **kwargs)]


def test_a_complete_realistic_filing_is_clean():
    assert found(FILING) == []


def test_an_empty_document_is_clean():
    assert found({}) == []
    assert found({"sponsor": {}, "website": {}, "leaders": []}) == []
    assert found({"sponsor": None, "website": {"name": None}}) == []


def test_problems_come_in_document_order_with_paths():
    document = filing(
        sponsor={"name": "王先生", "type": "individual", "certificate_type": "resident_id",
                 "certificate_number": PERSON_ID},
        website={"domains": ["ok.cn", "bad"], "ips": ["10.0.0.1"], "service_types": ["company_portal"],
                 "name": "王先生的公司网站"},
    )
    document["leaders"][1]["mobile"] = "13333333333"
    assert found(document) == [
        ("person_name.placeholder", "sponsor.name", "error"),
        ("website_name.company_for_individual", "website.name", "error"),
        ("domain.invalid", "website.domains[1]", "error"),
        ("ip.not_public", "website.ips[0]", "error"),
        ("service_type.nature_mismatch", "website.service_types[0]", "error"),
        ("phone.fake", "leaders[1].mobile", "error"),
    ]


def test_certificate_expiry_is_a_warning_within_90_days():
    assert found({"sponsor": {"certificate_valid_until": "2027-02-18"}}) == [
        ("certificate.expired", "sponsor.certificate_valid_until", "warning")]
    assert found({"sponsor": {"certificate_valid_until": "2027-02-19"}}) == []
    assert found({"sponsor": {"certificate_valid_until": "2026-11-19"}}) == [
        ("certificate.expired", "sponsor.certificate_valid_until", "error")]
    assert found({"sponsor": {"certificate_valid_until": "long_term"}}) == []
    assert found({"sponsor": {"certificate_valid_until": date(2020, 1, 1)}})[0][2] == "error"
    assert found({"sponsor": {"certificate_valid_until": datetime(2030, 1, 1, 8)}}) == []


def test_persons_need_person_certificates():
    document = {"sponsor": {"person_in_charge": {"certificate_type": "uscc",
                                                 "certificate_number": GOVERNMENT_USCC}},
                "leaders": [{"certificate_type": "org_code", "certificate_number": "60003734-1"}]}
    assert found(document) == [
        ("certificate.type_not_allowed", "sponsor.person_in_charge.certificate_type", "error"),
        ("certificate.type_not_allowed", "leaders[0].certificate_type", "error"),
    ]


@pytest.mark.parametrize("sponsor_type", SPONSOR_TYPES)
def test_each_sponsor_type_refuses_foreign_certificate_types(sponsor_type: str):
    from beian.rules.codes import ALLOWED_CERTIFICATE_TYPES
    for certificate_type in CERTIFICATE_TYPES:
        problems = found({"sponsor": {"type": sponsor_type, "certificate_type": certificate_type}})
        refused = ("certificate.type_not_allowed", "sponsor.certificate_type", "error") in problems
        assert refused is (certificate_type not in ALLOWED_CERTIFICATE_TYPES[sponsor_type])


def test_uscc_category_settles_nothing_for_other_categories():
    from .samples import uscc
    law_firm = uscc("31330106", "MA2CXY7A")
    assert found({"sponsor": {"type": "social_organization", "certificate_type": "uscc",
                              "certificate_number": law_firm}}) == []
    assert found({"sponsor": {"type": "enterprise", "certificate_type": "military_code",
                              "certificate_number": "12345"}})[0][0] == "certificate.type_not_allowed"


def test_unknown_region_is_only_a_warning_and_uses_the_context():
    number = resident_id("99010119800101123")
    document = {"leaders": [{"certificate_type": "resident_id", "certificate_number": number}]}
    assert found(document) == [("resident_id.unknown_region", "leaders[0].certificate_number", "warning")]
    assert found(document, context=CheckContext(is_known_region=lambda code: True)) == []


def test_cross_field_rules_wait_for_both_sides():
    assert found({"website": {"name": "中国新闻论坛", "domains": ["bbs.example.cn"], "interactive": True,
                              "service_types": ["government_portal"]}}) == []
    assert found({"sponsor": {"name": "云景官网"}, "website": {"name": "云景官网"}}) == [
        ("sponsor_name.not_a_name", "sponsor.name", "error")]


def test_interactive_rules():
    def check(**website):
        return [p[:2] for p in found({"website": website})]
    assert check(interactive=False, interactive_services=["blog"]) == [
        ("interactive.inconsistent", "website.interactive_services")]
    assert check(interactive=True, interactive_services=["blog", "forum"], pre_approvals=[]) == [
        ("interactive.inconsistent", "website.interactive_services[1]")]
    assert check(interactive=True, interactive_services=["blog", "forum"], pre_approvals=["bbs"]) == []
    assert check(interactive=False, interactive_services=[]) == []


def test_government_portal_is_for_governments_only():
    def check(sponsor_type):
        return found({"sponsor": {"type": sponsor_type}, "website": {"service_types": ["government_portal"]}})
    assert check("government") == []
    for sponsor_type in ("enterprise", "military", "institution", "social_organization", "individual"):
        assert check(sponsor_type)[0][0] == "service_type.nature_mismatch"


def test_filing_late_is_counted_from_today():
    assert found({"website": {"opened_on": "2026-10-21"}}) == []
    assert found({"website": {"opened_on": "2026-10-20"}}) == [
        ("filing.late", "website.opened_on", "warning")]
    assert found({"website": {"opened_on": "2027-01-01"}}) == []  # opening later is not late


def test_administrator_keywords_are_used():
    keywords = Keywords.from_dict({"government_words": ["官方"]})
    document = {"sponsor": {"type": "enterprise"}, "website": {"name": "云景官方网站"}}
    assert found(document) == []
    assert found(document, context=CheckContext(keywords=keywords))[0][0] == "website_name.government_words"


@pytest.mark.parametrize(("document", "path"), [
    ([], ""),
    ({"sponsor": "x"}, "sponsor"),
    ({"sponsor": {"name": 5}}, "sponsor.name"),
    ({"sponsor": {"person_in_charge": []}}, "sponsor.person_in_charge"),
    ({"website": {"domains": "example.cn"}}, "website.domains"),
    ({"website": {"domains": ["ok.cn", 7]}}, "website.domains[1]"),
    ({"website": {"interactive": "yes"}}, "website.interactive"),
    ({"website": {"interactive": 1}}, "website.interactive"),
    ({"website": {"opened_on": "01/11/2026"}}, "website.opened_on"),
    ({"website": {"opened_on": 20261101}}, "website.opened_on"),
    ({"leaders": {"role": "security_leader"}}, "leaders"),
    ({"leaders": ["李明"]}, "leaders[0]"),
    ({"leaders": [{"certificate_number": ["1"]}]}, "leaders[0].certificate_number"),
])
def test_malformed_input(document, path: str):
    with pytest.raises(MalformedInput) as raised:
        check_filing(document, today=TODAY)
    assert raised.value.field == path


@pytest.mark.parametrize(("document", "path", "allowed"), [
    ({"sponsor": {"type": "company"}}, "sponsor.type", SPONSOR_TYPES),
    ({"sponsor": {"certificate_type": "id_card"}}, "sponsor.certificate_type", CERTIFICATE_TYPES),
    ({"website": {"service_types": ["blog"]}}, "website.service_types[0]", SERVICE_TYPES),
    ({"website": {"interactive_services": ["forum", "bbs"]}}, "website.interactive_services[1]",
     INTERACTIVE_SERVICES),
    ({"website": {"pre_approvals": ["forum"]}}, "website.pre_approvals[0]", PRE_APPROVALS),
    ({"leaders": [{"role": "boss"}]}, "leaders[0].role", ("emergency_contact", "security_leader")),
])
def test_unknown_codes(document, path: str, allowed):
    with pytest.raises(UnknownCode) as raised:
        check_filing(document, today=TODAY)
    assert raised.value.field == path
    assert set(raised.value.allowed) == set(allowed)
    assert isinstance(raised.value, ValueError)


def test_problem_as_dict():
    problem = check_filing({"website": {"ips": ["10.0.0.1"]}}, today=TODAY)[0]
    assert problem.severity is Severity.ERROR
    assert problem.as_dict() == {"rule": "ip.not_public", "severity": "error", "field": "website.ips[0]",
                                 "params": {"value": "10.0.0.1"}}


# --- fuzzing: no input makes check_filing raise anything but MalformedInput / UnknownCode -------------

KEYS = ["sponsor", "website", "leaders", "person_in_charge", "type", "name", "certificate_type",
        "certificate_number", "certificate_valid_until", "address", "residence", "office_phone", "mobile",
        "email", "domains", "ips", "icp_number", "opened_on", "service_types", "interactive",
        "interactive_services", "pre_approvals", "agreement_accepted", "role"]
CODES = list(SPONSOR_TYPES + CERTIFICATE_TYPES + SERVICE_TYPES + INTERACTIVE_SERVICES + PRE_APPROVALS) + [
    "security_leader", "emergency_contact"]
TEXT = st.one_of(st.text(max_size=40), st.sampled_from(CODES), st.sampled_from([
    PERSON_ID, GOVERNMENT_USCC, "2026-01-01", "long_term", "bbs.example.cn", "10.0.0.1-10.0.0.9", "1.2.3.4-",
    "京ICP备12345678号", "010-88888888", "a@b.cn", "例子.中国", "中国新闻论坛", "::ffff:1.2.3.4", "9" * 300]))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXT)
JSON = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=5)), children, max_size=6)),
    max_leaves=30)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON)
def test_fuzz_arbitrary_json(document):
    try:
        check_filing(document, today=TODAY)
    except (MalformedInput, UnknownCode):
        pass


def mutate_leaves(document, draw_value):
    if isinstance(document, dict):
        return {key: mutate_leaves(value, draw_value) for key, value in document.items()}
    if isinstance(document, list):
        return [mutate_leaves(value, draw_value) for value in document]
    return draw_value(document)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_fuzz_realistic_shape(data):
    """The §7.1 shape with leaves replaced at random: reaches every rule, not just the first type check."""
    def draw_value(original):
        return data.draw(st.one_of(st.just(original), TEXT, SCALARS, st.lists(TEXT, max_size=3)))
    document = mutate_leaves(FILING, draw_value)
    try:
        check_filing(document, today=TODAY)
    except (MalformedInput, UnknownCode):
        pass
