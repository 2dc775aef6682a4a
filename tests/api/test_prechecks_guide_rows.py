"""POST /api/v1/prechecks answers the guide's own examples (issue 13, item 6)."""

import pytest

from tests.api.test_prechecks import URL, post

pytestmark = pytest.mark.django_db


def problems(response) -> list[tuple[str, str, str]]:
    assert response.status_code == 200, response.content
    return [(p["rule"], p["field"], p["severity"]) for p in response.json()["problems"]]


def test_a_national_enterprise_may_begin_its_website_name_with_its_own_prefix(client):
    document = {"sponsor": {"type": "enterprise", "name": "中国移动通信集团有限公司"},
                "website": {"name": "中国移动网上营业厅"}}
    assert post(client, document).json() == {"ok": True, "problems": []}
    document["sponsor"]["name"] = "杭州云景科技有限公司"
    assert problems(post(client, document)) == [("website_name.national_prefix", "website.name", "error")]
    del document["sponsor"]["name"]  # the registered name is what tells a national organisation
    assert problems(post(client, document)) == [("website_name.national_prefix", "website.name", "error")]


@pytest.mark.parametrize(("sponsor_type", "severity", "ok"), [
    ("institution", "warning", True), ("social_organization", "warning", True),
    ("enterprise", "error", False), ("individual", "error", False),
])
def test_public_affairs_words_are_judged_by_the_reviewer_for_authorisable_sponsors(
        client, sponsor_type, severity, ok):
    response = post(client, {"sponsor": {"type": sponsor_type}, "website": {"name": "公安交通服务网"}},
                    language="en")
    assert problems(response) == [("website_name.government_words", "website.name", severity)]
    assert response.json()["ok"] is ok
    message = response.json()["problems"][0]["message"]
    assert ("reviewer will check" in message) is (severity == "warning")


def test_a_domain_containing_bbs_is_a_forum(client):
    response = post(client, {"website": {"domains": ["xixibbs.cn"], "pre_approvals": []}})
    assert problems(response) == [("domain.bbs_needs_approval", "website.domains[0]", "error")]
    assert "xixibbs.cn" in response.json()["problems"][0]["message"]
    assert problems(post(client, {"website": {"domains": ["xixibbs.cn"], "pre_approvals": ["bbs"]}})) == []


@pytest.mark.parametrize("name", ["Mr. Wang", "Miss Li", "Ms. Zhang"])
def test_the_guides_english_forms_of_address_are_placeholders(client, name):
    response = post(client, {"leaders": [{"role": "security_leader", "name": name,
                                          "certificate_type": "passport"}]})
    assert problems(response) == [("person_name.placeholder", "leaders[0].name", "error")]


def test_a_claim_is_never_late(client):
    website = {"opened_on": "2012-05-01"}
    assert problems(post(client, {"website": website})) == [("filing.late", "website.opened_on", "warning")]
    assert problems(post(client, {"kind": "new", "website": website})) == [
        ("filing.late", "website.opened_on", "warning")]
    assert problems(post(client, {"kind": "claim", "website": website})) == []
    assert problems(post(client, {"kind": "change", "website": website})) == []


def test_an_unknown_kind_is_422_with_its_field(client):
    response = client.post(URL, data='{"kind": "renewal"}', content_type="application/json",
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert "kind" in {item["field"] for item in response.json()["detail"]}


def test_the_openapi_document_describes_the_kind(client):
    schema = client.get("/api/v1/openapi.json").json()
    kind = schema["components"]["schemas"]["PrecheckIn"]["properties"]["kind"]
    assert "claim" in str(kind) and "filing.late" in str(kind)
