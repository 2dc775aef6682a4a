"""POST /api/v1/prechecks (SPEC §7.1): answers, errors, limits, languages."""

import json

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v1/prechecks"

GOOD_FILING = {
    "sponsor": {"type": "enterprise", "name": "杭州云栖科技有限公司", "certificate_type": "uscc",
                "certificate_number": "91330106MA2H0Q1X3M"},
    "website": {"name": "云栖科技", "domains": ["yunqi-tech.cn"], "ips": ["121.40.18.7"],
                "icp_number": "浙ICP备12345678号-1", "service_types": ["company_portal"],
                "interactive": False, "agreement_accepted": True},
}


def post(client, body, language="zh-hans", **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json",
                       HTTP_ACCEPT_LANGUAGE=language, **extra)


def rules_of(response):
    return {(p["rule"], p["field"]) for p in response.json()["problems"]}


def test_a_bad_filing_gets_every_problem_with_rule_field_and_chinese_message(client):
    response = post(client, {
        "sponsor": {"type": "enterprise", "certificate_type": "uscc",
                    "certificate_number": "11100000000013127X",
                    "person_in_charge": {"name": "王先生"}},
        "website": {"name": "中国新闻网", "domains": ["example.cn", "not a domain"]},
    })
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is False
    found = rules_of(response)
    assert ("person_name.placeholder", "sponsor.person_in_charge.name") in found
    assert ("website_name.national_prefix", "website.name") in found
    assert ("domain.invalid", "website.domains[1]") in found
    messages = {p["rule"]: p["message"] for p in body["problems"]}
    assert any("\u4e00" <= ch <= "\u9fff" for ch in messages["domain.invalid"])


def test_messages_follow_accept_language(client):
    response = post(client, {"website": {"domains": ["not a domain"]}}, language="en")
    message = response.json()["problems"][0]["message"]
    assert "not a valid domain" in message.lower() or "domain" in message.lower()
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in message.replace("“", "").replace("”", ""))


def test_an_empty_document_is_ok(client):
    response = post(client, {})
    assert response.status_code == 200 and response.json() == {"ok": True, "problems": []}


def test_warnings_do_not_make_it_fail(client):
    response = post(client, {"website": {"opened_on": "2020-01-01"}})
    body = response.json()
    assert body["ok"] is True
    assert [p["rule"] for p in body["problems"]] == ["filing.late"]
    assert body["problems"][0]["severity"] == "warning"


@pytest.mark.parametrize(("body", "status", "field"), [
    ("{not json", 400, ""),
    (b"\xff\xfe", 400, ""),
    ({"website": {"domains": "example.cn"}}, 422, "website.domains"),
    ({"website": {"interactive": "yes"}}, 422, "website.interactive"),
    ({"website": {"opened_on": "yesterday"}}, 422, "website.opened_on"),
    ({"website": {"opened_on": 0}}, 422, "website.opened_on"),
    ({"sponsor": {"certificate_valid_until": 1893456000}}, 422, "sponsor.certificate_valid_until"),
    ({"sponsor": {"certificate_type": "library_card"}}, 422, "sponsor.certificate_type"),
    ({"website": {"pre_approvals": ["gambling"]}}, 422, "website.pre_approvals[0]"),
    ({"website": {"colour": "red"}}, 422, "website.colour"),
    ({"sponsor": {"type": "pirate"}}, 422, "sponsor.type"),
    ({"website": {"service_types": ["casino"]}}, 422, "website.service_types[0]"),
    ({"leaders": [{"role": "boss"}]}, 422, "leaders[0].role"),
    ([1, 2, 3], 422, ""),
])
def test_malformed_requests_are_4xx_with_a_message(client, body, status, field):
    response = post(client, body, language="en")
    assert response.status_code == status
    detail = response.json()["detail"]
    assert detail and all(item["message"] for item in detail)
    assert field in {item["field"] for item in detail}


def test_a_huge_body_is_413(client):
    response = post(client, {"website": {"name": "x" * 70_000}}, language="en")
    assert response.status_code == 413
    assert "KB" in response.json()["detail"][0]["message"]


def test_the_rate_limit_answers_429_with_retry_after(client, settings):
    settings.API_RATE_LIMITS = {"prechecks": 3}
    statuses = [post(client, {}, REMOTE_ADDR="198.51.100.7").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = post(client, {}, REMOTE_ADDR="198.51.100.7")
    assert int(refused["Retry-After"]) > 0
    assert refused.json()["detail"][0]["message"]
    assert post(client, {}, REMOTE_ADDR="198.51.100.8").status_code == 200


def test_administrator_edited_keywords_take_effect(client):
    from beian.core.models import PreApproval

    document = {"website": {"name": "城市资讯站", "pre_approvals": []}}
    assert "website_name.needs_pre_approval" not in {r for r, _ in rules_of(post(client, document))}
    PreApproval.objects.filter(code="news").update(keywords=["新闻", "资讯"])
    assert ("website_name.needs_pre_approval", "website.name") in rules_of(post(client, document))


def test_the_openapi_document_and_docs_are_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/prechecks" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_a_correct_filing_has_no_problems(client):
    response = post(client, GOOD_FILING)
    assert response.json() == {"ok": True, "problems": []}
