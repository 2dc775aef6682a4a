"""POST /api/v1/unregistered-websites: token, scope, per-row errors, OpenAPI."""


import pytest
from django.core.management import call_command

from beian.imports.models import ApiToken
from beian.unregistered.models import UnregisteredWebsite
from tests.unregistered.helpers import api_token as _token
from tests.unregistered.helpers import post_json, row

URL = "/api/v1/unregistered-websites"
pytestmark = pytest.mark.usefixtures("reference_data")


def _post(client, body, token=None):
    return post_json(client, URL, body, token)


def test_without_or_with_a_wrong_token_401(client):
    assert _post(client, {"websites": [row()]}).status_code == 401
    response = _post(client, {"websites": [row()]}, token="bu_wrong")
    assert response.status_code == 401
    assert response.json()["detail"][0]["message"]
    assert not UnregisteredWebsite.objects.exists()


def test_a_revoked_token_is_refused(client):
    token = _token()
    ApiToken.objects.update(revoked_at="2026-01-01T00:00:00Z")
    assert _post(client, {"websites": [row()]}, token=token).status_code == 401


def test_import_for_the_agency_and_below_and_reject_others_per_row(client):
    token = _token("110000")  # Beijing corps (网安总队): Chaoyang 110105 is below it
    response = _post(client, {"websites": [row("a.cn"), row("b.cn", agency_code="330106"),
                                           row("c.cn", agency_code="110000")]}, token=token)
    assert response.status_code == 200
    body = response.json()
    assert (body["imported"], body["updated"]) == (2, 0)
    assert [(e["row"], e["field"]) for e in body["errors"]] == [(2, "agency_code")]
    assert set(UnregisteredWebsite.objects.values_list("domain", flat=True)) == {"a.cn", "c.cn"}
    assert ApiToken.objects.get().last_used_at is not None


def test_a_county_token_cannot_import_for_its_province(client):
    body = _post(client, {"websites": [row(agency_code="110000")]}, token=_token("110105")).json()
    assert body["imported"] == 0 and body["errors"][0]["field"] == "agency_code"


def test_reimport_updates(client):
    token = _token()
    _post(client, {"websites": [row()]}, token=token)
    body = _post(client, {"websites": [row(ip="61.135.169.122")]}, token=token).json()
    assert (body["imported"], body["updated"]) == (0, 1)


def test_malformed_bodies_are_422_in_the_api_shape(client):
    token = _token()
    for body in ({}, {"websites": []}, {"websites": [{"domain": "a.cn"}]}, {"websites": [row() | {"x": 1}]}):
        response = _post(client, body, token=token)
        assert response.status_code == 422, body
        assert response.json()["detail"][0]["message"]
    response = client.post(URL, "not json", content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code in (400, 422)


def test_openapi_documents_the_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["post"]
    assert "401" in operation["responses"]
    assert operation["security"]
    assert "UnregisteredWebsiteIn" in schema["components"]["schemas"]


def test_create_api_token_prints_the_token_once(capsys):
    call_command("create_api_token", "110105", "--label", "crawler")
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("bu_")
    stored = ApiToken.objects.get()
    assert printed not in (stored.token_hash, stored.prefix) and stored.name == "crawler"
