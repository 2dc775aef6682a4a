"""POST /api/v1/legacy-records (token scope, per-row errors, OpenAPI) and `manage.py import_legacy`."""


import pytest
from django.core.management import CommandError, call_command

from beian.legacy.models import LegacyRecord
from tests.legacy.helpers import csv_bytes, plain_row, row
from tests.unregistered.helpers import api_token as _token
from tests.unregistered.helpers import post_json

URL = "/api/v1/legacy-records"
pytestmark = pytest.mark.usefixtures("reference_data")


def _post(client, body, token=None):
    return post_json(client, URL, body, token)


def test_without_or_with_a_wrong_token_401(client):
    assert _post(client, {"records": [row()]}).status_code == 401
    assert _post(client, {"records": [row()]}, token="bu_wrong").status_code == 401
    assert not LegacyRecord.objects.exists()


def test_import_for_the_agency_and_below_and_reject_others_per_row(client):
    token = _token("110000")
    body = _post(client, {"records": [plain_row(1), plain_row(2, agency_code="330106",
                                                               record_number="33010600000002"),
                                      plain_row(3, agency_code="110000")]}, token=token).json()
    assert (body["imported"], body["updated"]) == (2, 0)
    assert [(e["row"], e["field"]) for e in body["errors"]] == [(2, "agency_code")]
    assert body["errors"][0]["message"]


def test_a_county_token_cannot_import_for_another_county(client):
    body = _post(client, {"records": [row(agency_code="110108", record_number="11010800000001")]},
                 token=_token("110105")).json()
    assert body["imported"] == 0 and body["errors"][0]["field"] == "agency_code"


def test_reimport_updates(client):
    token = _token()
    _post(client, {"records": [row()]}, token=token)
    body = _post(client, {"records": [row(website_name="新名字")]}, token=token).json()
    assert (body["imported"], body["updated"]) == (0, 1)
    assert LegacyRecord.objects.get().website_name == "新名字"


def test_malformed_bodies_are_422_in_the_api_shape(client):
    token = _token()
    for body in ({}, {"records": []}, {"records": [{"domain": "a.cn"}]}, {"records": [row() | {"x": 1}]},
                 {"records": [row() | {"deadline": 5}]}):
        response = _post(client, body, token=token)
        assert response.status_code == 422, body
        assert response.json()["detail"][0]["message"]


def test_openapi_documents_the_endpoint(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["post"]
    assert "401" in operation["responses"] and operation["security"]
    assert "LegacyRecordIn" in schema["components"]["schemas"]


def test_import_command_imports_and_writes_the_error_report(tmp_path, capsys):
    source, errors = tmp_path / "legacy.csv", tmp_path / "errors.csv"
    source.write_bytes(csv_bytes([row(), plain_row(2, domain="bad..cn")], bom=True))
    call_command("import_legacy", str(source), "--errors", str(errors))
    assert "imported 1, updated 0, rejected rows 1" in capsys.readouterr().out
    assert "3,domain," in errors.read_bytes().decode("utf-8-sig")


def test_import_command_scoped_to_an_agency_and_file_problems(tmp_path):
    source = tmp_path / "legacy.csv"
    source.write_bytes(csv_bytes([plain_row(1), plain_row(2, agency_code="330106",
                                                          record_number="33010600000002")]))
    call_command("import_legacy", str(source), "--agency", "110000")
    assert list(LegacyRecord.objects.values_list("domain", flat=True)) == ["old1.cn"]
    source.write_bytes(b"domain\nexample.cn\n")
    with pytest.raises(CommandError, match="Required columns are missing"):
        call_command("import_legacy", str(source))
    with pytest.raises(CommandError, match="No agency"):
        call_command("import_legacy", str(source), "--agency", "999999")
