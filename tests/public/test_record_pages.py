"""The public record page and JSON: content, spellings, aliases, unknown numbers, 404s."""

import pytest
from django.urls import reverse

from beian.filings.models import RecordAlias
from tests.public import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def website(reference_data):
    return helpers.file_website(main_domain="yunjing-public.cn", other_domains=["www.yunjing-public.cn"])


def test_the_record_page_shows_the_public_record(client, website):
    response = client.get(reverse("records:record", args=[website.record_number]))
    page = response.content.decode()
    assert response.status_code == 200
    for text in (website.name, "yunjing-public.cn", "www.yunjing-public.cn", website.record_number_text,
                 website.sponsor.name, website.agency.name_zh, "企业", "已备案"):
        assert text in page, text
    assert reverse("records:badge", args=[website.record_number]) in page


def test_the_record_page_in_english(client, website):
    page = client.get(reverse("records:record", args=[website.record_number]),
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Filing agency" in page and "filed" in page and website.agency.name_en in page


def test_the_json_of_a_record(client, website):
    response = client.get(f"/api/v1/records/{website.record_number}")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["record_number"] == website.record_number
    assert data["record_number_text"] == website.record_number_text
    assert data["website_name"] == website.name
    assert data["main_domain"] == "yunjing-public.cn" and data["other_domains"] == ["www.yunjing-public.cn"]
    assert data["sponsor_type"]["code"] == "enterprise" and data["sponsor_is_unit"] is True
    assert data["sponsor_name"] == website.sponsor.name
    assert data["interactive"] is False
    assert data["filing_agency"]["code"] == website.agency.code
    assert data["status"] == "filed" and data["cancelled_on"] is None
    assert len(data["filed_on"]) == 10


def test_other_spellings_redirect_to_the_canonical_page(client, website):
    response = client.get(f"/records/京公网安备{website.record_number}号")
    assert response.status_code == 301
    assert response["Location"] == reverse("records:record", args=[website.record_number])
    response = client.get(f"/api/v1/records/京公网安备{website.record_number}号")
    assert response.status_code == 301 and response["Location"] == f"/api/v1/records/{website.record_number}"


def test_a_legacy_number_redirects_to_the_current_record(client, website):
    RecordAlias.objects.create(number="11010502000007", website=website)
    response = client.get("/records/11010502000007")
    assert response.status_code == 301
    assert response["Location"] == reverse("records:record", args=[website.record_number])
    response = client.get("/api/v1/records/11010502000007")
    assert response.status_code == 301 and response["Location"] == f"/api/v1/records/{website.record_number}"
    response = client.get(reverse("records:badge", args=["11010502000007"]))
    assert response.status_code == 301


def test_unknown_numbers_get_a_helpful_404(client, reference_data):
    response = client.get("/records/11010502999999")
    assert response.status_code == 404
    page = response.content.decode()
    assert "11010502999999" in page and 'name="q"' in page
    assert client.get("/records/not-a-number").status_code == 404
    response = client.get("/api/v1/records/11010502999999")
    assert response.status_code == 404
    assert response.json()["detail"][0]["field"] == "digits"
    assert "11010502999999" in response.json()["detail"][0]["message"]
    response = client.get("/api/v1/records/nonsense", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404 and "14 digits" in response.json()["detail"][0]["message"]


def test_a_cancelled_record_says_so(client, website):
    helpers.cancel(website)
    page = client.get(reverse("records:record", args=[website.record_number])).content.decode()
    assert "已注销" in page or "注销" in page
    data = client.get(f"/api/v1/records/{website.record_number}").json()
    assert data["status"] == "cancelled" and data["cancelled_on"]


def test_records_by_domain_in_json(client, website):
    for domain in ("yunjing-public.cn", "www.yunjing-public.cn", "shop.yunjing-public.cn",
                   "https://YUNJING-public.cn/about"):
        response = client.get("/api/v1/records", {"domain": domain})
        assert response.status_code == 200, domain
        assert [r["record_number"] for r in response.json()["records"]] == [website.record_number], domain
    assert client.get("/api/v1/records", {"domain": "other-site.cn"}).json()["records"] == []
    response = client.get("/api/v1/records", {"domain": "not a domain"})
    assert response.status_code == 404 and response.json()["detail"][0]["field"] == "domain"
    assert client.get("/api/v1/records").status_code == 422
    assert client.get("/api/v1/records", {"domain": ""}).status_code == 422


def test_the_records_api_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/records/{digits}" in paths and "/api/v1/records" in paths


def test_the_badge_page_offers_the_filing_code(client, website):
    page = client.get(reverse("records:badge", args=[website.record_number])).content.decode()
    assert "public/badge-v1-20.png" in page and "public/badge-v1.svg" in page
    assert f"http://testserver/records/{website.record_number}" in page
    assert "[![](" in page  # the Markdown form
    assert 'id="filing-code-text"' in page
